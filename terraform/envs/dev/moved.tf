# The modules moved into the platform module: existing state follows them without a destroy/create.

moved {
  from = module.network
  to   = module.platform.module.network
}

moved {
  from = module.eks
  to   = module.platform.module.eks
}

moved {
  from = module.data
  to   = module.platform.module.data
}

moved {
  from = module.messaging
  to   = module.platform.module.messaging
}

moved {
  from = module.service_iam
  to   = module.platform.module.service_iam
}

moved {
  from = module.observability
  to   = module.platform.module.observability
}

moved {
  from = module.edge
  to   = module.platform.module.edge
}
