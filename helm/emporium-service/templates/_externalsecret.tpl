{{/*
The database connection details from AWS Secrets Manager (written by terraform/modules/data: IAM
authentication, so a user name and no password), through External Secrets (external-secrets.io/v1: the
operator stopped serving v1beta1 in 0.17; argocd/apps pins 0.20.x).
*/}}
{{- define "emporium-service.externalsecret" -}}
{{- if .Values.database.enabled -}}
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: {{ include "emporium-service.databaseSecretName" . }}
  labels:
    {{- include "emporium-service.labels" . | nindent 4 }}
spec:
  refreshInterval: {{ .Values.database.refreshInterval }}
  secretStoreRef:
    kind: ClusterSecretStore
    name: {{ .Values.database.secretStore }}
  target:
    name: {{ include "emporium-service.databaseSecretName" . }}
    creationPolicy: Owner
  # Every field of the secret Terraform writes (host, port, dbname, username, r2dbcUrl, jdbcUrl, ...).
  dataFrom:
    - extract:
        key: {{ default (printf "emporium/%s/%s/database" .Values.env (include "emporium-service.name" .)) .Values.database.secretKey }}
{{- end -}}
{{- end -}}

{{/*
The variables of .Values.secretEnv from AWS Secrets Manager: one Kubernetes secret <service>-env whose keys are
the variable names (the deployment reads them with secretKeyRef). Terraform creates each secret; its value is
put by an operator, never in the repo.
*/}}
{{- define "emporium-service.secretenv" -}}
{{- if .Values.secretEnv -}}
apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata:
  name: {{ include "emporium-service.name" . }}-env
  labels:
    {{- include "emporium-service.labels" . | nindent 4 }}
spec:
  refreshInterval: {{ .Values.database.refreshInterval }}
  secretStoreRef:
    kind: ClusterSecretStore
    name: {{ .Values.database.secretStore }}
  target:
    name: {{ include "emporium-service.name" . }}-env
    creationPolicy: Owner
  data:
    {{- range .Values.secretEnv }}
    - secretKey: {{ .name }}
      remoteRef:
        key: {{ .remoteKey }}
        property: {{ .property }}
    {{- end }}
{{- end -}}
{{- end -}}
