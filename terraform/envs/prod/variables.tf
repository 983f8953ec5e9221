variable "region" {
  description = "AWS region of the environment."
  type        = string
  default     = "eu-west-1"
}

variable "azs" {
  description = "Availability zones of the VPC, EKS and Aurora."
  type        = list(string)
  default     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.20.0.0/16"
}

variable "domain_name" {
  description = "Public host name of the shop."
  type        = string
  default     = "shop.example.com"
}

variable "zone_id" {
  description = "Route 53 hosted zone of domain_name."
  type        = string
  default     = "Z0000000000000000000"
}

variable "api_origin_domain_name" {
  description = "DNS name of the ALB that serves /api/* (created by the AWS Load Balancer Controller)."
  type        = string
  default     = "api-origin.shop.example.com"
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

variable "argocd_bootstrap" {
  description = "Run the one-off Argo CD bootstrap from this apply (needs aws CLI and kubectl); otherwise run the eks module's argocd_bootstrap_command output once."
  type        = bool
  default     = false
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

variable "auth_email" {
  description = "SES identity (ARN) and From address of the user pool's emails. null: Cognito's own sender, a few dozen emails a day: set it before opening the shop."
  type = object({
    identity_arn = string
    from         = string
  })
  default = null
}
