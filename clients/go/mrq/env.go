package mrq

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"strings"
)

// DefaultAddress is the broker DialEnv calls when MRQ_BROKER_ADDRESS is unset.
const DefaultAddress = "127.0.0.1:50051"

// DialEnv is Dial configured by the environment variables every MRQ program reads:
// MRQ_BROKER_ADDRESS (default 127.0.0.1:50051); MRQ_AUTH_TOKEN, or MRQ_AUTH_TOKEN_FILE (its
// content); and for TLS MRQ_BROKER_TLS_CA_FILE, with MRQ_BROKER_TLS_CERT_FILE and
// MRQ_BROKER_TLS_KEY_FILE for a broker that requires client certificates. opts come after,
// so they win.
func DialEnv(opts ...DialOption) (*Client, error) {
	addr := os.Getenv("MRQ_BROKER_ADDRESS")
	if addr == "" {
		addr = DefaultAddress
	}
	envOpts, err := envDialOptions()
	if err != nil {
		return nil, err
	}
	return Dial(addr, append(envOpts, opts...)...)
}

func envDialOptions() ([]DialOption, error) {
	var opts []DialOption
	token, err := envToken()
	if err != nil {
		return nil, err
	}
	if token != "" {
		opts = append(opts, WithToken(token))
	}
	caFile := os.Getenv("MRQ_BROKER_TLS_CA_FILE")
	if caFile == "" {
		return opts, nil
	}
	ca, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("mrq: MRQ_BROKER_TLS_CA_FILE: %w", err)
	}
	config := &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: x509.NewCertPool()}
	if !config.RootCAs.AppendCertsFromPEM(ca) {
		return nil, fmt.Errorf("mrq: MRQ_BROKER_TLS_CA_FILE: no PEM certificate in %s", caFile)
	}
	if certFile := os.Getenv("MRQ_BROKER_TLS_CERT_FILE"); certFile != "" {
		cert, err := tls.LoadX509KeyPair(certFile, os.Getenv("MRQ_BROKER_TLS_KEY_FILE"))
		if err != nil {
			return nil, fmt.Errorf("mrq: MRQ_BROKER_TLS_CERT_FILE: %w", err)
		}
		config.Certificates = []tls.Certificate{cert}
	}
	return append(opts, WithTLS(config)), nil
}

// envToken is MRQ_AUTH_TOKEN, or the content of MRQ_AUTH_TOKEN_FILE; not both.
func envToken() (string, error) {
	token, file := os.Getenv("MRQ_AUTH_TOKEN"), os.Getenv("MRQ_AUTH_TOKEN_FILE")
	if token != "" && file != "" {
		return "", fmt.Errorf("mrq: set MRQ_AUTH_TOKEN or MRQ_AUTH_TOKEN_FILE, not both")
	}
	if file == "" {
		return token, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("mrq: MRQ_AUTH_TOKEN_FILE: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}
