terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: terraform init -backend-config=backend.hcl (see ../README.md).
  backend "s3" {
    key     = "emporium/shared/terraform.tfstate"
    encrypt = true
  }
}
