{{/*
Names and labels. A service's resources are named after its chart (catalog, cart, ...): one release of
a service per namespace (emporium-<env>).
*/}}
{{- define "emporium-service.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "emporium-service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "emporium-service.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "emporium-service.labels" -}}
{{ include "emporium-service.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
app.kubernetes.io/part-of: emporium
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
emporium.io/env: {{ .Values.env }}
{{- end -}}

{{/* Standard metadata: name and labels, indented for a top-level resource. */}}
{{- define "emporium-service.metadata" -}}
name: {{ include "emporium-service.name" . }}
labels:
  {{- include "emporium-service.labels" . | nindent 2 }}
{{- end -}}

{{- define "emporium-service.image" -}}
{{- $repository := default (printf "emporium/%s" (include "emporium-service.name" .)) .Values.image.repository -}}
{{- $tag := required "image.tag is required: set it in values-<env>.yaml" .Values.image.tag -}}
{{- if .Values.image.registry -}}
{{ .Values.image.registry }}/{{ $repository }}:{{ $tag }}
{{- else -}}
{{ $repository }}:{{ $tag }}
{{- end -}}
{{- end -}}

{{- define "emporium-service.roleArn" -}}
{{- if .Values.serviceAccount.roleArn -}}
{{ .Values.serviceAccount.roleArn }}
{{- else -}}
{{- $account := required "aws.accountId (or serviceAccount.roleArn) is required" .Values.aws.accountId -}}
arn:aws:iam::{{ $account }}:role/emporium-{{ .Values.env }}-{{ include "emporium-service.name" . }}
{{- end -}}
{{- end -}}

{{/* The SQS queue this service reads for one producer: the naming rule of events-schema/topology.yaml. */}}
{{- define "emporium-service.queueName" -}}
emporium-{{ .root.Values.env }}-{{ include "emporium-service.name" .root }}-from-{{ .producer }}
{{- end -}}

{{- define "emporium-service.databaseSecretName" -}}
{{ include "emporium-service.name" . }}-db
{{- end -}}

{{/* "true" when KEDA scales this service: autoscaling on and at least one queue consumed. */}}
{{- define "emporium-service.kedaScaled" -}}
{{- if and .Values.autoscaling.enabled .Values.consumesFrom -}}true{{- end -}}
{{- end -}}

{{/* The in-cluster URL of another service of the namespace: .name, .port (its Service port), .root. */}}
{{- define "emporium-service.serviceUrl" -}}
http://{{ .name }}.{{ .root.Release.Namespace }}.svc.cluster.local:{{ .port }}
{{- end -}}

{{/* Pod labels naming the services this one calls: their NetworkPolicies admit pods carrying them. */}}
{{- define "emporium-service.callerLabels" -}}
{{- range $name, $port := .Values.calls }}
emporium.io/calls-{{ $name }}: "true"
{{- end }}
{{- end -}}
