{{- define "emporium-service.deployment" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "emporium-service.metadata" . | nindent 2 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "emporium-service.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "emporium-service.labels" . | nindent 8 }}
        {{- with include "emporium-service.callerLabels" . | trim }}
        {{- . | nindent 8 }}
        {{- end }}
      annotations:
        checksum/config: {{ include "emporium-service.configmap" . | sha256sum }}
    spec:
      serviceAccountName: {{ include "emporium-service.name" . }}
      securityContext:
        runAsNonRoot: true
        runAsUser: 65532
        runAsGroup: 65532
        fsGroup: 65532
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: {{ .Values.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "emporium-service.selectorLabels" . | nindent 14 }}
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "emporium-service.selectorLabels" . | nindent 14 }}
      terminationGracePeriodSeconds: 40
      containers:
        - name: {{ include "emporium-service.name" . }}
          image: {{ include "emporium-service.image" . | quote }}
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .Values.containerPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "emporium-service.name" . }}
          env:
            {{- include "emporium-service.otelEnv" . | nindent 12 }}
            {{- if .Values.database.enabled }}
            {{- include "emporium-service.databaseEnv" . | trim | nindent 12 }}
            {{- end }}
            {{- range .Values.secretEnv }}
            - name: {{ .name }}
              valueFrom:
                secretKeyRef:
                  name: {{ include "emporium-service.name" $ }}-env
                  key: {{ .name }}
            {{- end }}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          # Spring Boot's health groups; the startup probe gives the JVM and the agent up to 2 minutes.
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: 2
            failureThreshold: 60
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: 10
            timeoutSeconds: 2
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: http
            periodSeconds: 5
            timeoutSeconds: 2
            failureThreshold: 3
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        # The root filesystem is read-only; the JVM and Netty still need a writable /tmp.
        - name: tmp
          emptyDir:
            sizeLimit: 256Mi
{{- end -}}

{{/* The OpenTelemetry Java agent, baked into the image by Jib at /otel (see docs/gitops.md). */}}
{{- define "emporium-service.otelEnv" -}}
- name: JAVA_TOOL_OPTIONS
  value: -javaagent:/otel/opentelemetry-javaagent.jar
- name: OTEL_SERVICE_NAME
  value: {{ include "emporium-service.name" . }}
- name: OTEL_RESOURCE_ATTRIBUTES
  value: deployment.environment.name={{ .Values.env }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .Values.otel.endpoint | quote }}
# Carry traceparent through SNS and SQS, so HTTP -> SNS -> SQS -> database is one trace.
- name: OTEL_INSTRUMENTATION_AWS_SDK_EXPERIMENTAL_USE_PROPAGATOR_FOR_MESSAGING
  value: "true"
# Metrics are scraped from /actuator/prometheus.
- name: OTEL_METRICS_EXPORTER
  value: none
{{- end -}}

{{/* Where and who from the data module's secret; no password: the service signs RDS IAM auth tokens (rds-db:connect through IRSA). */}}
{{- define "emporium-service.databaseEnv" -}}
{{- $secret := include "emporium-service.databaseSecretName" . -}}
- name: EMPORIUM_DATABASE_IAM_AUTH
  value: "true"
{{- $fields := dict "EMPORIUM_DB_HOST" "host" "SPRING_R2DBC_URL" "r2dbcUrl" "SPRING_R2DBC_USERNAME" "username" "SPRING_FLYWAY_URL" "jdbcUrl" "SPRING_FLYWAY_USER" "username" }}
{{- range $name, $key := $fields }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $key }}
{{- end }}
{{- end -}}
