package main

import (
	"fmt"
	"strconv"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// inventory holds the decoded objects by kind.
type inventory struct {
	deployments     []*appsv1.Deployment
	services        []*corev1.Service
	configMaps      map[string]bool
	secrets         map[string]bool
	hpas            []*autoscalingv2.HorizontalPodAutoscaler
	pdbs            []*policyv1.PodDisruptionBudget
	serviceMonitors []*monitoringv1.ServiceMonitor
}

// checkReferences returns what does not hold together: selectors that select nothing, ports,
// ConfigMaps and Secrets that don't exist, and the hardening every MRQ pod must have.
func checkReferences(objects []any) []string {
	inv := inventory{configMaps: map[string]bool{}, secrets: map[string]bool{}}
	for _, object := range objects {
		switch o := object.(type) {
		case *appsv1.Deployment:
			inv.deployments = append(inv.deployments, o)
		case *corev1.Service:
			inv.services = append(inv.services, o)
		case *corev1.ConfigMap:
			inv.configMaps[o.Name] = true
		case *corev1.Secret:
			inv.secrets[o.Name] = true
		case *autoscalingv2.HorizontalPodAutoscaler:
			inv.hpas = append(inv.hpas, o)
		case *policyv1.PodDisruptionBudget:
			inv.pdbs = append(inv.pdbs, o)
		case *monitoringv1.ServiceMonitor:
			inv.serviceMonitors = append(inv.serviceMonitors, o)
		}
	}
	var problems []string
	for _, d := range inv.deployments {
		problems = append(problems, inv.checkDeployment(d)...)
	}
	for _, s := range inv.services {
		problems = append(problems, inv.checkService(s)...)
	}
	for _, h := range inv.hpas {
		problems = append(problems, inv.checkHPA(h)...)
	}
	for _, p := range inv.pdbs {
		if p.Spec.Selector == nil || len(inv.selected(p.Spec.Selector.MatchLabels)) == 0 {
			problems = append(problems, fmt.Sprintf("PodDisruptionBudget/%s selects no Deployment's pods", p.Name))
		}
	}
	for _, m := range inv.serviceMonitors {
		problems = append(problems, inv.checkServiceMonitor(m)...)
	}
	return problems
}

func (inv *inventory) checkDeployment(d *appsv1.Deployment) []string {
	name := "Deployment/" + d.Name
	var problems []string
	if d.Spec.Selector == nil || !subset(d.Spec.Selector.MatchLabels, d.Spec.Template.Labels) {
		problems = append(problems, name+": spec.selector does not match the pod template's labels")
	}
	pod := d.Spec.Template.Spec
	if pod.SecurityContext == nil || pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot {
		problems = append(problems, name+": pod securityContext.runAsNonRoot must be true")
	}
	ports := map[string]bool{}
	for _, c := range pod.Containers {
		problems = append(problems, inv.checkContainer(name, c)...)
		for _, p := range c.Ports {
			ports[p.Name] = true
			ports[strconv.Itoa(int(p.ContainerPort))] = true
		}
	}
	if port, ok := d.Spec.Template.Annotations["prometheus.io/port"]; ok && !ports[port] {
		problems = append(problems, fmt.Sprintf("%s: prometheus.io/port %s is no container port", name, port))
	}
	return problems
}

func (inv *inventory) checkContainer(owner string, c corev1.Container) []string {
	name := fmt.Sprintf("%s container %s", owner, c.Name)
	var problems []string
	for _, source := range c.EnvFrom {
		if ref := source.ConfigMapRef; ref != nil && !inv.configMaps[ref.Name] && (ref.Optional == nil || !*ref.Optional) {
			problems = append(problems, fmt.Sprintf("%s: envFrom ConfigMap %q does not exist", name, ref.Name))
		}
		if ref := source.SecretRef; ref != nil && !inv.secrets[ref.Name] && (ref.Optional == nil || !*ref.Optional) {
			problems = append(problems, fmt.Sprintf("%s: envFrom Secret %q does not exist", name, ref.Name))
		}
	}
	for kind, probe := range map[string]*corev1.Probe{"liveness": c.LivenessProbe, "readiness": c.ReadinessProbe, "startup": c.StartupProbe} {
		if probe == nil {
			continue
		}
		var port *intstr.IntOrString
		switch {
		case probe.HTTPGet != nil:
			port = &probe.HTTPGet.Port
		case probe.TCPSocket != nil:
			port = &probe.TCPSocket.Port
		case probe.GRPC != nil:
			port = &intstr.IntOrString{Type: intstr.Int, IntVal: probe.GRPC.Port}
		}
		if port != nil && !hasPort(c.Ports, *port) {
			problems = append(problems, fmt.Sprintf("%s: %s probe port %s is not a container port", name, kind, port.String()))
		}
	}
	if c.LivenessProbe == nil {
		problems = append(problems, name+": no livenessProbe")
	}
	sc := c.SecurityContext
	if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
		problems = append(problems, name+": securityContext.allowPrivilegeEscalation must be false")
	}
	if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
		problems = append(problems, name+": securityContext.readOnlyRootFilesystem must be true")
	}
	if c.Resources.Requests.Cpu().IsZero() || c.Resources.Requests.Memory().IsZero() || c.Resources.Limits.Memory().IsZero() {
		problems = append(problems, name+": needs cpu and memory requests and a memory limit")
	}
	return problems
}

func (inv *inventory) checkService(s *corev1.Service) []string {
	name := "Service/" + s.Name
	pods := inv.selected(s.Spec.Selector)
	if len(pods) == 0 {
		return []string{name + ": its selector matches no Deployment's pods"}
	}
	var problems []string
	for _, port := range s.Spec.Ports {
		target := port.TargetPort
		if target.Type == intstr.Int && target.IntVal == 0 {
			target = intstr.FromInt32(port.Port)
		}
		for _, d := range pods {
			found := false
			for _, c := range d.Spec.Template.Spec.Containers {
				found = found || hasPort(c.Ports, target)
			}
			if !found {
				problems = append(problems, fmt.Sprintf("%s: targetPort %s is no port of Deployment/%s", name, target.String(), d.Name))
			}
		}
	}
	return problems
}

func (inv *inventory) checkHPA(h *autoscalingv2.HorizontalPodAutoscaler) []string {
	name := "HorizontalPodAutoscaler/" + h.Name
	ref := h.Spec.ScaleTargetRef
	for _, d := range inv.deployments {
		if ref.Kind == "Deployment" && ref.Name == d.Name {
			if d.Spec.Replicas != nil {
				return []string{fmt.Sprintf("%s: Deployment/%s sets replicas, which every apply would reset under the HPA", name, d.Name)}
			}
			return nil
		}
	}
	return []string{fmt.Sprintf("%s: scaleTargetRef %s/%s does not exist", name, ref.Kind, ref.Name)}
}

func (inv *inventory) checkServiceMonitor(m *monitoringv1.ServiceMonitor) []string {
	name := "ServiceMonitor/" + m.Name
	var selected []*corev1.Service
	for _, s := range inv.services {
		if subset(m.Spec.Selector.MatchLabels, s.Labels) {
			selected = append(selected, s)
		}
	}
	if len(selected) == 0 {
		return []string{name + ": selects no Service"}
	}
	var problems []string
	for _, endpoint := range m.Spec.Endpoints {
		found := false
		for _, s := range selected {
			for _, port := range s.Spec.Ports {
				found = found || (endpoint.Port != "" && port.Name == endpoint.Port)
			}
		}
		if !found {
			problems = append(problems, fmt.Sprintf("%s: no selected Service has a port named %q", name, endpoint.Port))
		}
	}
	return problems
}

// selected returns the Deployments whose pods carry every label of selector.
func (inv *inventory) selected(selector map[string]string) []*appsv1.Deployment {
	if len(selector) == 0 {
		return nil
	}
	var matched []*appsv1.Deployment
	for _, d := range inv.deployments {
		if subset(selector, d.Spec.Template.Labels) {
			matched = append(matched, d)
		}
	}
	return matched
}

func subset(want, have map[string]string) bool {
	if len(want) == 0 {
		return false
	}
	for k, v := range want {
		if have[k] != v {
			return false
		}
	}
	return true
}

func hasPort(ports []corev1.ContainerPort, port intstr.IntOrString) bool {
	for _, p := range ports {
		if (port.Type == intstr.String && p.Name == port.StrVal) || (port.Type == intstr.Int && p.ContainerPort == port.IntVal) {
			return true
		}
	}
	return false
}
