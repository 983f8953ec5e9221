variable "environment" {
  description = "Environment name (dev, prod): resource names are emporium-<environment>-..., the Argo CD bootstrap is argocd/bootstrap/<environment>/root.yaml."
  type        = string
}

variable "azs" {
  description = "Availability zones of the VPC, EKS and Aurora."
  type        = list(string)
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per AZ (true: survives an AZ outage) or a single shared one (false: cheaper, for dev)."
  type        = bool
}

variable "node_groups" {
  description = "EKS managed node groups by name (eks module variable node_groups): instance types, ON_DEMAND or SPOT, sizes."
  type = map(object({
    instance_types = list(string)
    capacity_type  = optional(string, "ON_DEMAND")
    min_size       = number
    max_size       = number
    desired_size   = number
    disk_size_gb   = optional(number, 50)
    labels         = optional(map(string), {})
  }))
}

variable "admin_principal_arns" {
  description = "IAM principals with cluster-admin access to EKS."
  type        = list(string)
  default     = []
}

variable "api_public_access_cidrs" {
  description = "CIDRs allowed to reach the public Kubernetes API endpoint (empty: private endpoint only)."
  type        = list(string)
  default     = []
}

variable "argocd_bootstrap" {
  description = "Run the one-off Argo CD bootstrap from this apply (needs aws CLI and kubectl); otherwise run the argocd_bootstrap_command output once."
  type        = bool
  default     = false
}

variable "multi_az" {
  description = "Run an Aurora reader in another AZ that Aurora promotes on failure (true in prod)."
  type        = bool
}

variable "deletion_protection" {
  description = "Protect the Aurora cluster and the DynamoDB tables from deletion (true in prod)."
  type        = bool
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete the non-empty event archive and SPA buckets (dev only)."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Aurora automated backup retention (point-in-time restore window)."
  type        = number
  default     = 7
}

variable "aurora_instance_class" {
  description = "Instance class of the Aurora instances (db.serverless for Serverless v2)."
  type        = string
  default     = "db.serverless"
}

variable "aurora_serverless_max_capacity" {
  description = "Serverless v2 maximum ACUs (used when aurora_instance_class is db.serverless)."
  type        = number
  default     = 8
}

variable "aurora_global_database" {
  description = "DR: wrap the Aurora cluster in a Global Database so a cluster in dr_region can attach as a secondary (docs/dr.md)."
  type        = bool
  default     = false
}

variable "dynamodb_replica_regions" {
  description = "DR: regions holding a global-table replica of every DynamoDB table (docs/dr.md), e.g. [\"eu-central-1\"]."
  type        = list(string)
  default     = []
}

variable "domain_name" {
  description = "Public host name of the shop."
  type        = string
}

variable "zone_id" {
  description = "Route 53 hosted zone of domain_name."
  type        = string
}

variable "api_origin_domain_name" {
  description = "DNS name of the ALB that serves /api/* (created by the AWS Load Balancer Controller)."
  type        = string
}

variable "auth_email" {
  description = "SES identity (ARN) and From address of the user pool's emails (verification codes, password resets). null: Cognito's own sender, a few dozen emails a day (dev only)."
  type = object({
    identity_arn = string
    from         = string
  })
  default = null
}

variable "alarm_emails" {
  description = "Email addresses notified by every alarm."
  type        = list(string)
  default     = []
}

variable "ses_identity_arns" {
  description = "SES identities the notification service sends from."
  type        = list(string)
  default     = []
}
