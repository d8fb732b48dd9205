"""The job rules: what each request and outcome does to jobs, independent of gRPC and storage."""
