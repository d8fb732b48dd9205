// Command validate checks MRQ's Kubernetes manifests offline: no cluster, no network.
//
// It builds the kustomization with the kustomize library (what `kubectl apply -k` does), then
// decodes every object it produced, and every extra manifest named on the command line,
// strictly into the Go types of the Kubernetes API and of the Prometheus Operator: an unknown
// kind, an unknown or duplicated field or a wrongly typed value is an error. It then checks the
// references between objects: selectors that select, ports and ConfigMaps that exist.
//
// JSON-schema validation (required fields, enums) is the job of kubernetes-validate, which
// scripts/validate-deploy.sh runs on the rendered output this command writes with -o.
//
// Usage:
//
//	go run . -k ../ [-o rendered.yaml] [EXTRA_MANIFEST.yaml...]
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/json"
	"sigs.k8s.io/kustomize/api/krusty"
	"sigs.k8s.io/kustomize/kyaml/filesys"
	"sigs.k8s.io/yaml"
)

// newObject maps "apiVersion/kind" to a constructor of its Go type: the kinds MRQ ships.
var newObject = map[string]func() any{
	"v1/Namespace":                            func() any { return &corev1.Namespace{} },
	"v1/ConfigMap":                            func() any { return &corev1.ConfigMap{} },
	"v1/Secret":                               func() any { return &corev1.Secret{} },
	"v1/Service":                              func() any { return &corev1.Service{} },
	"apps/v1/Deployment":                      func() any { return &appsv1.Deployment{} },
	"autoscaling/v2/HorizontalPodAutoscaler":  func() any { return &autoscalingv2.HorizontalPodAutoscaler{} },
	"policy/v1/PodDisruptionBudget":           func() any { return &policyv1.PodDisruptionBudget{} },
	"monitoring.coreos.com/v1/ServiceMonitor": func() any { return &monitoringv1.ServiceMonitor{} },
}

// document is one manifest, as JSON, with where it came from.
type document struct {
	source string
	json   []byte
}

func main() {
	kustomization := flag.String("k", "", "kustomization directory to build and check")
	output := flag.String("o", "", "write the built kustomization here, as YAML")
	flag.Parse()
	if *kustomization == "" {
		fmt.Fprintln(os.Stderr, "usage: validate -k KUSTOMIZATION_DIR [-o rendered.yaml] [EXTRA_MANIFEST...]")
		os.Exit(2)
	}
	docs, rendered, err := build(*kustomization)
	if err != nil {
		fail(err)
	}
	if *output != "" {
		if err := os.WriteFile(*output, rendered, 0o644); err != nil {
			fail(err)
		}
	}
	for _, path := range flag.Args() {
		extra, err := readManifests(path)
		if err != nil {
			fail(err)
		}
		docs = append(docs, extra...)
	}
	objects, problems := decodeAll(docs)
	problems = append(problems, checkReferences(objects)...)
	for _, problem := range problems {
		fmt.Fprintln(os.Stderr, "ERROR", problem)
	}
	if len(problems) > 0 {
		os.Exit(1)
	}
	fmt.Printf("kubernetes: %d objects decode strictly and their references resolve\n", len(docs))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ERROR", err)
	os.Exit(1)
}

// build runs kustomize on dir and returns each object as JSON, and the whole as YAML.
func build(dir string) ([]document, []byte, error) {
	resources, err := krusty.MakeKustomizer(krusty.MakeDefaultOptions()).Run(filesys.MakeFsOnDisk(), dir)
	if err != nil {
		return nil, nil, fmt.Errorf("kustomize build %s: %w", dir, err)
	}
	rendered, err := resources.AsYaml()
	if err != nil {
		return nil, nil, err
	}
	var docs []document
	for _, resource := range resources.Resources() {
		data, err := resource.MarshalJSON()
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, document{source: fmt.Sprintf("%s (kustomize build)", dir), json: data})
	}
	return docs, rendered, nil
}

// readManifests splits a multi-document YAML file into JSON documents; duplicate keys are errors.
func readManifests(path string) ([]document, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	reader := utilyaml.NewYAMLReader(bufio.NewReader(file))
	var docs []document
	for {
		chunk, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if len(bytes.TrimSpace(stripComments(chunk))) == 0 {
			continue
		}
		data, err := yaml.YAMLToJSONStrict(chunk)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		docs = append(docs, document{source: path, json: data})
	}
}

func stripComments(chunk []byte) []byte {
	var kept []string
	for _, line := range strings.Split(string(chunk), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			kept = append(kept, line)
		}
	}
	return []byte(strings.Join(kept, "\n"))
}

// decodeAll decodes each document into the Go type of its kind, rejecting unknown fields.
func decodeAll(docs []document) ([]any, []string) {
	var objects []any
	var problems []string
	for _, doc := range docs {
		var meta struct {
			APIVersion string `json:"apiVersion"`
			Kind       string `json:"kind"`
			Metadata   struct {
				Name string `json:"name"`
			} `json:"metadata"`
		}
		if err := json.UnmarshalCaseSensitivePreserveInts(doc.json, &meta); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", doc.source, err))
			continue
		}
		name := fmt.Sprintf("%s: %s/%s", doc.source, meta.Kind, meta.Metadata.Name)
		constructor, ok := newObject[meta.APIVersion+"/"+meta.Kind]
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: unexpected kind %s/%s (add it to newObject)",
				name, meta.APIVersion, meta.Kind))
			continue
		}
		object := constructor()
		strict, err := json.UnmarshalStrict(doc.json, object, json.DisallowDuplicateFields, json.DisallowUnknownFields)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		for _, problem := range strict {
			problems = append(problems, fmt.Sprintf("%s: %v", name, problem))
		}
		objects = append(objects, object)
	}
	return objects, problems
}
