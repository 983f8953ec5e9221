data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  tags = merge({ "emporium:component" = "eks" }, var.tags)
  arn  = "arn:${data.aws_partition.current.partition}"
  # The EBS CSI driver add-on runs with its own IRSA role; other add-ons use the node role.
  addon_roles = { "aws-ebs-csi-driver" = try(aws_iam_role.ebs_csi[0].arn, null) }
  # The VPC CNI enforces Kubernetes NetworkPolicies (its network policy agent) only when switched on; without it
  # the charts' policies are accepted and ignored.
  addon_configuration = {
    "vpc-cni" = var.network_policy ? jsonencode({ enableNetworkPolicy = "true" }) : null
  }
}

# Control plane

resource "aws_iam_role" "cluster" {
  name = "${var.cluster_name}-cluster"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "eks.amazonaws.com" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "${local.arn}:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_kms_key" "secrets" {
  description             = "Envelope encryption of Kubernetes secrets in ${var.cluster_name}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  tags                    = local.tags
}

resource "aws_cloudwatch_log_group" "cluster" {
  name              = "/aws/eks/${var.cluster_name}/cluster"
  retention_in_days = var.cluster_log_retention_days
  tags              = local.tags
}

resource "aws_eks_cluster" "this" {
  name                      = var.cluster_name
  version                   = var.kubernetes_version
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = var.cluster_log_types

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = var.endpoint_public_access
    public_access_cidrs     = var.endpoint_public_access ? var.public_access_cidrs : null
  }

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = true
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.secrets.arn
    }
  }

  tags = local.tags

  depends_on = [aws_iam_role_policy_attachment.cluster, aws_cloudwatch_log_group.cluster]
}

# IRSA: the OIDC provider every service role (service-iam module) trusts.
resource "aws_iam_openid_connect_provider" "this" {
  url            = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list = ["sts.amazonaws.com"]
  tags           = local.tags
}

# Nodes

resource "aws_iam_role" "node" {
  name = "${var.cluster_name}-node"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset([
    "AmazonEKSWorkerNodePolicy",
    "AmazonEKS_CNI_Policy",
    "AmazonEC2ContainerRegistryReadOnly",
    "AmazonSSMManagedInstanceCore",
  ])

  role       = aws_iam_role.node.name
  policy_arn = "${local.arn}:iam::aws:policy/${each.key}"
}

resource "aws_eks_node_group" "this" {
  for_each = var.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  version         = var.kubernetes_version
  instance_types  = each.value.instance_types
  capacity_type   = each.value.capacity_type
  disk_size       = each.value.disk_size_gb
  labels          = each.value.labels

  scaling_config {
    min_size     = each.value.min_size
    max_size     = each.value.max_size
    desired_size = each.value.desired_size
  }

  update_config {
    max_unavailable_percentage = 33
  }

  tags = local.tags

  # The cluster autoscaler / Karpenter owns the desired size after creation.
  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

# Add-ons

resource "aws_iam_role" "ebs_csi" {
  count = contains(keys(var.addons), "aws-ebs-csi-driver") ? 1 : 0

  name = "${var.cluster_name}-ebs-csi"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.this.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${replace(aws_iam_openid_connect_provider.this.url, "https://", "")}:sub" = "system:serviceaccount:kube-system:ebs-csi-controller-sa"
          "${replace(aws_iam_openid_connect_provider.this.url, "https://", "")}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy_attachment" "ebs_csi" {
  count = length(aws_iam_role.ebs_csi)

  role       = aws_iam_role.ebs_csi[0].name
  policy_arn = "${local.arn}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}

resource "aws_eks_addon" "this" {
  for_each = var.addons

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.version
  service_account_role_arn    = lookup(local.addon_roles, each.key, null)
  configuration_values        = each.value.configuration_values != null ? each.value.configuration_values : lookup(local.addon_configuration, each.key, null)
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "PRESERVE"
  tags                        = local.tags

  # coredns and the CSI driver need nodes to become healthy.
  depends_on = [aws_eks_node_group.this]
}

# Access

resource "aws_eks_access_entry" "admin" {
  for_each = toset(var.admin_principal_arns)

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.key
  tags          = local.tags
}

resource "aws_eks_access_policy_association" "admin" {
  for_each = toset(var.admin_principal_arns)

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.admin[each.key].principal_arn
  policy_arn    = "${local.arn}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }
}

# Argo CD: no helm/kubernetes provider is available to this project and EKS offers no Argo CD add-on in the
# pinned provider, so the bootstrap is a one-off step (docs/adr/0005-argocd-bootstrap-without-helm-provider.md).
# Optional here; otherwise run the command of the argocd_bootstrap_command output once.
locals {
  argocd_bootstrap_command = join(" && ", [
    "aws eks update-kubeconfig --region ${data.aws_region.current.name} --name ${aws_eks_cluster.this.name}",
    "kubectl create namespace argocd --dry-run=client -o yaml | kubectl apply -f -",
    "kubectl apply -n argocd --server-side -f https://raw.githubusercontent.com/argoproj/argo-cd/${var.argocd_version}/manifests/install.yaml",
    "kubectl -n argocd rollout status deploy/argocd-repo-server --timeout=300s",
    "kubectl apply -n argocd -f ${var.argocd_bootstrap_path}",
  ])
}

resource "terraform_data" "argocd_bootstrap" {
  count = var.argocd_bootstrap ? 1 : 0

  # Re-run only when the Argo CD version changes; Argo CD manages itself and everything else afterwards.
  triggers_replace = [aws_eks_cluster.this.arn, var.argocd_version]

  provisioner "local-exec" {
    command = local.argocd_bootstrap_command
  }

  depends_on = [aws_eks_addon.this, aws_eks_access_policy_association.admin]
}
