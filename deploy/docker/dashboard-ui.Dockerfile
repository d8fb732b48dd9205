# syntax=docker/dockerfile:1
# mrq-dashboard-ui: the static Backbone UI, served by an unprivileged nginx that also proxies
# /api/ (and /docs, /openapi.json) to the dashboard API (MRQ_DASHBOARD_API_URL, default
# http://dashboard-api:5555), and asks that API whether each request may see the UI's files.
#
#   docker build -f deploy/docker/dashboard-ui.Dockerfile -t mrq-dashboard-ui .   (from the repository root)

# Both pinned by digest (docker-library/repo-info: node:22-alpine when it was 22.23.3, and
# nginx:1.30.5-alpine-slim); bump tag and digest together.
ARG NODE_IMAGE=node:22.23.3-alpine@sha256:0a7108bf6c7bf5de370ffb1a3ed6be93d405b43ff159f681a8d18c0e2bc2e402
ARG NGINX_IMAGE=nginx:1.30.5-alpine-slim@sha256:f56e56413ea294b1532917c0b36fc676725f0af2ac766989f06f4b69cf83b12b

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY services/dashboard-ui/package.json services/dashboard-ui/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY services/dashboard-ui/ ./
RUN npm run build && test -f dist/index.html

FROM ${NGINX_IMAGE}
LABEL org.opencontainers.image.title="mrq-dashboard-ui" \
      org.opencontainers.image.description="MRQ dashboard UI (static files on nginx)"
# The image's entrypoint renders /etc/nginx/templates/*.template into conf.d at start-up, so
# conf.d must be writable by nginx (mount an emptyDir there with a read-only root filesystem).
RUN rm -f /etc/nginx/conf.d/default.conf \
    && chown nginx:nginx /etc/nginx/conf.d
COPY deploy/docker/nginx/nginx.conf /etc/nginx/nginx.conf
COPY deploy/docker/nginx/dashboard.conf.template /etc/nginx/templates/dashboard.conf.template
COPY --from=build /src/dist/ /usr/share/nginx/html/
ENV MRQ_DASHBOARD_API_URL=http://dashboard-api:5555
# nginx's own uid in the base image: runs without root, listens on an unprivileged port.
USER 101:101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
    CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
