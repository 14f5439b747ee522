output "cluster_name" {
  description = "The cluster's name"
  value       = aws_ecs_cluster.this.name
}

output "endpoint" {
  value     = "https://${aws_lb.this.dns_name}/"
  sensitive = false
}

output "ids" {
  value = [aws_subnet.a.id, aws_subnet.b.id]

  depends_on = [aws_route_table_association.a]
}

output "password" {
  value     = random_password.this.result
  sensitive = true
}
