output "nat_public_ips" {
  description = "The NAT gateways' public addresses, which outbound calls from the private subnets come from (for third parties to allowlist); empty without NAT gateways."
  value       = aws_nat_gateway.nat[*].public_ip
}

output "private_subnet_ids" {
  description = "The private subnets' ids, one a zone, in zone order."
  value       = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  description = "The public subnets' ids, one a zone, in zone order."
  value       = aws_subnet.public[*].id
}

output "vpc_cidr" {
  description = "The VPC's block."
  value       = aws_vpc.vpc.cidr_block
}

output "vpc_id" {
  description = "The VPC's id."
  value       = aws_vpc.vpc.id
}
