{{/*
Database credentials from AWS Secrets Manager, through External Secrets (external-secrets.io/v1: the
operator stopped serving v1beta1 in 0.17; argocd/apps pins 0.20.x).
*/}}
{{- define "emporium-service.externalsecret" -}}
{{- if .Values.database.enabled -}}
{{- $key := default (printf "emporium/%s/%s/db" .Values.env (include "emporium-service.name" .)) .Values.database.secretKey -}}
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
  data:
    {{- range $field := list "username" "password" }}
    - secretKey: {{ $field }}
      remoteRef:
        key: {{ $key }}
        property: {{ $field }}
    {{- end }}
{{- end -}}
{{- end -}}
