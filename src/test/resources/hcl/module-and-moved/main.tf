module "network" {
  source = "../network"
  count  = var.create_network ? 1 : 0
  providers = {
    aws = aws.west
  }

  cidr     = "10.0.0.0/16"
  az_count = 2
  tags = {
    Name = var.name
  }

  depends_on = [aws_iam_role.flow_logs]
}

moved {
  from = aws_ecs_service.service
  to   = aws_ecs_service.this
}

moved {
  from = module.vpc
  to   = module.network[0]
}
