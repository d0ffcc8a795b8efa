{{/*
What the code fixes about each service, as opposed to what an operator chooses (values.yaml):
whom it calls (devtools/devstack.py SERVICES), whether it runs a procrastinate worker, its
periodic management commands and the worker's periodic task each one replaces, and the keys
of its Secret besides the database's ("mercato.databaseSecretKeys"). Looped over by every template.
*/}}
{{- define "mercato.services" -}}
accounts:
  calls: []
  worker: false
  secretKeys: [SECRET_KEY]
  optionalSecretKeys: [EMAIL_URL]
  cronJobs:
    purgeRefreshTokens: {command: purge_refresh_tokens, periodicId: ""}
catalog:
  calls: [accounts]
  worker: true
  secretKeys: [SECRET_KEY, SERVICE_CLIENT_SECRET]
  optionalSecretKeys: []
  cronJobs:
    expireReservations: {command: expire_reservations, periodicId: reservations_expire}
orders:
  calls: [accounts, catalog]
  worker: true
  secretKeys: [SECRET_KEY, SERVICE_CLIENT_SECRET]
  optionalSecretKeys: []
  cronJobs:
    recoverOrders: {command: recover_orders, periodicId: recover_orders}
    reconcileOrders: {command: reconcile_orders, periodicId: reconcile_orders}
{{- end -}}

{{- define "mercato.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "mercato.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of a service's objects: (dict "root" $ "service" "catalog" "suffix" "worker") */}}
{{- define "mercato.serviceName" -}}
{{- $base := printf "%s-%s" (include "mercato.fullname" .root) .service -}}
{{- if .suffix -}}{{ printf "%s-%s" $base .suffix | trunc 63 | trimSuffix "-" }}{{- else -}}{{ $base }}{{- end -}}
{{- end -}}

{{- define "mercato.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "mercato.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: mercato
{{- end -}}

{{/* Labels that select the pods of one component of one service (NetworkPolicies use them). */}}
{{- define "mercato.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mercato.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
mercato/service: {{ .service }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "mercato.componentLabels" -}}
{{ include "mercato.labels" .root }}
{{ include "mercato.selectorLabels" . }}
{{- end -}}

{{- define "mercato.image" -}}
{{- $image := .Values.image -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $image.repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $image.repository (default .Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The Secret a service's pods read: the operator's, or the chart's. */}}
{{- define "mercato.secretName" -}}
{{- $values := index .root.Values .service -}}
{{- $values.existingSecret | default (include "mercato.serviceName" (dict "root" .root "service" .service)) -}}
{{- end -}}

{{/* The Secret hook Jobs read: on a fresh install the chart's own Secret does not exist yet,
so the chart gives them a hook copy of it (deleted once the hooks succeed). */}}
{{- define "mercato.hookSecretName" -}}
{{- $values := index .root.Values .service -}}
{{- $values.existingSecret | default (include "mercato.serviceName" (dict "root" .root "service" .service "suffix" "hooks")) -}}
{{- end -}}

{{/* The chart-made Secret's data, for the Secret and its hook copy. */}}
{{- define "mercato.secretData" -}}
{{- $spec := index (include "mercato.services" .root | fromYaml) .service -}}
{{- $values := (index .root.Values .service).secretValues -}}
{{- $required := $spec.secretKeys }}
{{- $optional := $spec.optionalSecretKeys }}
{{- if eq .root.Values.postgres.operator "none" }}
{{- $required = concat $required (list "DATABASE_URL") }}
{{- $optional = concat $optional (list "DATABASE_DIRECT_URL" "DATABASE_REPLICA_URLS") }}
{{- else }}
{{- range list "DATABASE_URL" "DATABASE_DIRECT_URL" "DATABASE_REPLICA_URLS" }}
{{- if index $values . }}
{{- fail (printf "%s.secretValues.%s is set, but with postgres.operator %s the database settings come from the operator's Secret: leave it empty" $.service . $.root.Values.postgres.operator) }}
{{- end }}
{{- end }}
{{- end }}
{{- range $required }}
{{ . }}: {{ required (printf "%s.secretValues.%s is required when %s.existingSecret is empty" $.service . $.service) (index $values .) | b64enc | quote }}
{{- end }}
{{- range $optional }}
{{- if index $values . }}
{{ . }}: {{ index $values . | b64enc | quote }}
{{- end }}
{{- end }}
{{- if eq .service "accounts" }}
jwt-signing-keys.pem: {{ required "accounts.secretValues.jwtSigningKeys is required when accounts.existingSecret is empty" $values.jwtSigningKeys | b64enc | quote }}
{{- end }}
{{- end -}}

{{/* Non-secret settings of a service, as a YAML map (its ConfigMap, and hook Jobs' env). */}}
{{- define "mercato.config" -}}
{{- $root := .root -}}
{{- $service := .service -}}
{{- $values := index $root.Values $service -}}
{{- $spec := index (include "mercato.services" $root | fromYaml) $service -}}
{{- $config := $root.Values.config -}}
{{- $host := include "mercato.serviceName" (dict "root" $root "service" $service) -}}
{{- $hosts := list $host (printf "%s.%s" $host $root.Release.Namespace) (printf "%s.%s.svc" $host $root.Release.Namespace) (printf "%s.%s.svc.%s" $host $root.Release.Namespace $root.Values.clusterDomain) -}}
{{- if $root.Values.ingress.enabled }}{{ $hosts = append $hosts $values.ingress.host }}{{ end -}}
DJANGO_SETTINGS_MODULE: {{ printf "%s_service.settings" $service }}
ALLOWED_HOSTS: {{ concat $hosts $values.allowedHosts | join "," | quote }}
LOG_LEVEL: {{ $config.logLevel | quote }}
SECURE_SSL_REDIRECT: {{ $config.secureSslRedirect | quote }}
SECURE_PROXY_SSL_HEADER: {{ $config.secureProxySslHeader | quote }}
SECURE_HSTS_SECONDS: {{ $config.secureHstsSeconds | int64 | quote }}
SECURE_COOKIES: {{ $config.secureCookies | quote }}
JWT_ISSUER: {{ $config.jwtIssuer | quote }}
JWT_AUDIENCE: {{ $config.jwtAudience | quote }}
CORS_ALLOWED_ORIGINS: {{ $config.corsAllowedOrigins | join "," | quote }}
{{- if $config.otelExporterOtlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ $config.otelExporterOtlpEndpoint | quote }}
{{- end }}
{{- range $callee := $spec.calls }}
{{ upper $callee }}_URL: {{ printf "http://%s" (include "mercato.serviceName" (dict "root" $root "service" $callee)) | quote }}
{{- end }}
{{- if eq $service "accounts" }}
JWT_SIGNING_KEYS_FILE: /var/run/secrets/mercato/jwt/signing-keys.pem
{{- end }}
{{- if $values.serviceClient }}
SERVICE_CLIENT_ID: {{ $values.serviceClient.id | quote }}
{{- end }}
{{- range $name, $value := $config.extraEnv }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- range $name, $value := $values.env }}
{{ $name }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* env entries for a service's secret keys, from the Secret named by "secretName". */}}
{{- define "mercato.secretEnv" -}}
{{- $spec := index (include "mercato.services" .root | fromYaml) .service -}}
{{- range $spec.secretKeys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $.secretName }}
      key: {{ . }}
{{- end }}
{{- range $spec.optionalSecretKeys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $.secretName }}
      key: {{ . }}
      optional: true
{{- end }}
{{- include "mercato.databaseEnv" . }}
{{- end -}}

{{/* The keys of a service's own Secret that hold database settings: (dict "root" $) ->
{required: [...], optional: [...]}. With an operator, none: they come from its Secret. */}}
{{- define "mercato.databaseSecretKeys" -}}
{{- if eq .root.Values.postgres.operator "none" }}
required: [DATABASE_URL]
optional: [DATABASE_DIRECT_URL, DATABASE_REPLICA_URLS]
{{- else }}
required: []
optional: []
{{- end }}
{{- end -}}

{{/* The names CloudNativePG objects of a service get, and the database and role it creates:
(dict "root" $ "service" "catalog"). The operator names its Services <cluster>-rw/-ro/-r and
its application Secret <cluster>-app; a Pooler's Service is named after the Pooler. */}}
{{- define "mercato.cnpgNames" -}}
{{- $cluster := include "mercato.serviceName" (dict "root" .root "service" .service "suffix" "db") -}}
cluster: {{ $cluster }}
appSecret: {{ $cluster }}-app
primaryService: {{ $cluster }}-rw
pooler: {{ $cluster }}-pooler
readPooler: {{ $cluster }}-pooler-ro
database: {{ printf "mercato_%s" .service }}
owner: {{ printf "mercato_%s" .service }}
{{- end -}}

{{/* A service's PostgreSQL settings, after the service's own overrides. */}}
{{- define "mercato.cnpgSettings" -}}
{{- $values := index .root.Values .service -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.postgres.cloudnativePg) (deepCopy ($values.database.cloudnativePg | default dict))) -}}
{{- end -}}

{{/* env entries for the database: (dict "root" $ "service" ... "secretName" ... "hook" bool).
External databases (operator none): DATABASE_URL from the service's Secret, and the optional
direct and replica URLs. CloudNativePG: the pooled URL through the service's Pooler, the
direct one to the primary (the operator's Secret's uri, for the worker's LISTEN and session
work), the password for both from the operator's Secret as PGPASSWORD (libpq reads it, so no
password is spliced into a URL the chart writes); hook Jobs (migrations) get the direct URL as
DATABASE_URL, past the pooler. */}}
{{- define "mercato.databaseEnv" -}}
{{- if eq .root.Values.postgres.operator "none" }}
{{- $keys := include "mercato.databaseSecretKeys" . | fromYaml }}
{{- range $keys.required }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $.secretName }}
      key: {{ . }}
{{- end }}
{{- range $keys.optional }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $.secretName }}
      key: {{ . }}
      optional: true
{{- end }}
{{- else }}
{{- $db := include "mercato.cnpgNames" . | fromYaml }}
{{- if .hook }}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $db.appSecret }}
      key: uri
{{- else }}
- name: PGPASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.appSecret }}
      key: password
- name: DATABASE_URL
  value: {{ printf "postgresql://%s@%s:5432/%s" $db.owner $db.pooler $db.database | quote }}
- name: DATABASE_DIRECT_URL
  valueFrom:
    secretKeyRef:
      name: {{ $db.appSecret }}
      key: uri
- name: DATABASE_POOL_MODE
  value: transaction
{{- if .root.Values.postgres.cloudnativePg.readPooler.enabled }}
- name: DATABASE_REPLICA_URLS
  value: {{ printf "postgresql://%s@%s:5432/%s" $db.owner $db.readPooler $db.database | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/* When the hooks run. With external databases, before anything of the release exists (and
before the pods roll on upgrade). With CloudNativePG, the Clusters are ordinary release objects
that the migrations need, so a first install migrates after they are created (post-install);
upgrades still migrate before the pods roll. */}}
{{- define "mercato.hookPhases" -}}
{{- if eq .Values.postgres.operator "none" -}}
pre-install,pre-upgrade
{{- else -}}
post-install,pre-upgrade
{{- end -}}
{{- end -}}

{{/* Volumes of every Mercato container: writable scratch space on a read-only root. */}}
{{- define "mercato.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .tmpSizeLimit | default "256Mi" }}
{{- if .web }}
# gunicorn's worker heartbeat files: in memory, so a slow disk cannot make workers miss it.
- name: gunicorn
  emptyDir:
    medium: Memory
    sizeLimit: 16Mi
# Each gunicorn worker's Prometheus samples; /metrics adds them up.
- name: prometheus
  emptyDir:
    medium: Memory
    sizeLimit: 64Mi
{{- end }}
{{- if eq .service "accounts" }}
- name: jwt-signing-keys
  secret:
    secretName: {{ .secretName }}
    defaultMode: 0440
    items:
      - key: jwt-signing-keys.pem
        path: signing-keys.pem
{{- end }}
{{- end -}}

{{- define "mercato.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if .web }}
- name: gunicorn
  mountPath: /run/gunicorn
- name: prometheus
  mountPath: /run/prometheus
{{- end }}
{{- if eq .service "accounts" }}
- name: jwt-signing-keys
  mountPath: /var/run/secrets/mercato/jwt
  readOnly: true
{{- end }}
{{- end -}}

{{- define "mercato.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "mercato.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Scheduling and identity shared by every pod spec: (dict "root" $ "service" "catalog") */}}
{{- define "mercato.podCommon" -}}
{{- $root := .root -}}
{{- if .hook }}
serviceAccountName: {{ include "mercato.fullname" $root }}-hooks
{{- else }}
serviceAccountName: {{ include "mercato.serviceName" (dict "root" $root "service" .service) }}
{{- end }}
automountServiceAccountToken: false
securityContext:
  {{- include "mercato.podSecurityContext" . | nindent 2 }}
{{- with $root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- with $root.Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $root.Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Pod metadata labels and annotations: (dict "root" $ "service" ... "component" ...) */}}
{{- define "mercato.podLabels" -}}
{{ include "mercato.componentLabels" . }}
{{- with .root.Values.podLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* A Job's pod template for a management command: (dict "root" $ "service" ... "component" ...
"command" (list ...) "resources" ... "activeDeadlineSeconds" ... "secretName" ... "hook" bool) */}}
{{- define "mercato.jobPodTemplate" -}}
metadata:
  labels:
    {{- include "mercato.podLabels" . | nindent 4 }}
  {{- with .root.Values.podAnnotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- include "mercato.podCommon" . | nindent 2 }}
  restartPolicy: Never
  containers:
    - name: {{ .component }}
      image: {{ include "mercato.image" .root }}
      imagePullPolicy: {{ .root.Values.image.pullPolicy }}
      command:
        {{- toYaml .command | nindent 8 }}
      {{- if .hook }}
      {{- /* Hooks run before the ConfigMap exists on a fresh install: the same settings, inline. */}}
      env:
        {{- range $name, $value := include "mercato.config" . | fromYaml }}
        - name: {{ $name }}
          value: {{ $value | toString | quote }}
        {{- end }}
        {{- include "mercato.secretEnv" . | nindent 8 }}
        {{- with .extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- else }}
      envFrom:
        - configMapRef:
            name: {{ include "mercato.serviceName" (dict "root" .root "service" .service) }}
      env:
        {{- include "mercato.secretEnv" . | nindent 8 }}
      {{- end }}
      resources:
        {{- toYaml .resources | nindent 8 }}
      securityContext:
        {{- include "mercato.containerSecurityContext" . | nindent 8 }}
      volumeMounts:
        {{- include "mercato.volumeMounts" . | nindent 8 }}
  volumes:
    {{- include "mercato.volumes" . | nindent 4 }}
{{- end -}}

{{/* The label selector a topology spread constraint, PDB or NetworkPolicy needs. */}}
{{- define "mercato.topologySpread" -}}
{{- $selector := include "mercato.selectorLabels" . | fromYaml -}}
{{- range .root.Values.topologySpreadConstraints }}
- maxSkew: {{ .maxSkew }}
  topologyKey: {{ .topologyKey }}
  whenUnsatisfiable: {{ .whenUnsatisfiable }}
  labelSelector:
    matchLabels:
      {{- toYaml $selector | nindent 6 }}
  matchLabelKeys: [pod-template-hash]
{{- end }}
{{- end -}}

{{/* Labels every scraped series gets, so that the alerts and the dashboard can tell the
services and their web and worker pods apart whatever the release is called. */}}
{{- define "mercato.metricLabels" -}}
- targetLabel: mercato_service
  replacement: {{ .service }}
  action: replace
- targetLabel: mercato_component
  replacement: {{ .component }}
  action: replace
{{- end -}}
