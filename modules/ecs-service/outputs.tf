output "alb_arn_suffix" {
  description = "The load balancer's CloudWatch dimension (app/<name>/<id>)."
  value       = aws_lb.alb.arn_suffix
}

output "alb_dns_name" {
  description = "The load balancer's DNS name, where the service answers."
  value       = aws_lb.alb.dns_name
}

output "alb_zone_id" {
  description = "The load balancer's hosted zone, for an alias record."
  value       = aws_lb.alb.zone_id
}

output "blue_target_group_arn_suffix" {
  description = "The blue target group's CloudWatch dimension (targetgroup/<name>/<id>), which release alarms watch."
  value       = aws_lb_target_group.blue.arn_suffix
}

output "blue_target_group_name" {
  description = "The target group serving production before the first release."
  value       = aws_lb_target_group.blue.name
}

output "cluster_arn" {
  description = "The ECS cluster's ARN."
  value       = aws_ecs_cluster.cluster.arn
}

output "cluster_name" {
  description = "The ECS cluster's name."
  value       = aws_ecs_cluster.cluster.name
}

output "green_target_group_arn_suffix" {
  description = "The green target group's CloudWatch dimension, which release alarms watch."
  value       = aws_lb_target_group.green.arn_suffix
}

output "green_target_group_name" {
  description = "The other target group; the two swap roles at every release."
  value       = aws_lb_target_group.green.name
}

output "log_group_name" {
  description = "The container log group."
  value       = aws_cloudwatch_log_group.logs.name
}

output "production_listener_arn" {
  description = "The listener whose target group serves production traffic."
  value       = aws_lb_listener.production_listener.arn
}

output "service_name" {
  description = "The ECS service's name, which CodeDeploy deploys to."
  value       = aws_ecs_service.service.name
}

output "service_security_group_id" {
  description = "The tasks' security group, for rules that let them reach a database or another service."
  value       = aws_security_group.service_security_group.id
}

output "task_definition_family" {
  description = "The task definition family every release registers a revision of."
  value       = aws_ecs_task_definition.task.family
}

output "test_listener_arn" {
  description = "The listener that reaches a new version before it takes production traffic."
  value       = aws_lb_listener.test_listener.arn
}
