output "application_name" {
  description = "The CodeDeploy application's name, which a release names."
  value       = aws_codedeploy_app.application.name
}

output "deployment_config_name" {
  description = "The deployment configuration's name: the strategy's own, or CodeDeployDefault.ECSAllAtOnce for all-at-once."
  value       = (contains(["canary", "linear"], var.strategy) ? aws_codedeploy_deployment_config.deployment_config[0].deployment_config_name : "CodeDeployDefault.ECSAllAtOnce")
}

output "deployment_group_name" {
  description = "The deployment group's name, which a release names."
  value       = aws_codedeploy_deployment_group.deployment_group.deployment_group_name
}
