{{/*
One autoscaler per Deployment: KEDA (which owns its own HPA) for consumers, a plain HPA on CPU otherwise.
*/}}
{{- define "emporium-service.hpa" -}}
{{- if and .Values.autoscaling.enabled (not (include "emporium-service.kedaScaled" .)) -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "emporium-service.name" . }}
  minReplicas: {{ .Values.autoscaling.minReplicas }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .Values.autoscaling.targetCPUUtilizationPercentage }}
{{- end -}}
{{- end -}}

{{/*
KEDA: one aws-sqs-queue trigger per queue consumed (plus CPU). KEDA reads the queues' depth with its
operator's own IRSA role (emporium-<env>-keda, terraform/modules/service-iam), not the service's.
*/}}
{{- define "emporium-service.scaledobject" -}}
{{- if include "emporium-service.kedaScaled" . -}}
{{- $root := . -}}
apiVersion: keda.sh/v1alpha1
kind: TriggerAuthentication
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  podIdentity:
    provider: aws
    identityOwner: keda
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    name: {{ include "emporium-service.name" . }}
  minReplicaCount: {{ .Values.autoscaling.minReplicas }}
  maxReplicaCount: {{ .Values.autoscaling.maxReplicas }}
  pollingInterval: {{ .Values.keda.pollingInterval }}
  cooldownPeriod: {{ .Values.keda.cooldownPeriod }}
  triggers:
    {{- range $producer := .Values.consumesFrom }}
    - type: aws-sqs-queue
      name: {{ printf "from-%s" $producer }}
      authenticationRef:
        name: {{ include "emporium-service.name" $root }}
      metadata:
        queueURL: {{ printf "https://sqs.%s.amazonaws.com/%s/%s" $root.Values.aws.region (required "aws.accountId is required for the SQS queue URLs" $root.Values.aws.accountId) (include "emporium-service.queueName" (dict "root" $root "producer" $producer)) }}
        queueLength: {{ $root.Values.keda.queueLength | quote }}
        awsRegion: {{ $root.Values.aws.region }}
    {{- end }}
    - type: cpu
      metricType: Utilization
      metadata:
        value: {{ .Values.autoscaling.targetCPUUtilizationPercentage | quote }}
{{- end -}}
{{- end -}}

{{- define "emporium-service.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  maxUnavailable: {{ .Values.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "emporium-service.selectorLabels" . | nindent 6 }}
{{- end -}}
