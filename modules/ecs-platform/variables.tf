variable "app" {
  description = "Application name. With `environment` it prefixes every stack and resource name (`webapp-dev-network`). Allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash. The `app` key of an ecsforge environment file."
  type        = string
  nullable    = false
}

variable "az_count" {
  description = "Availability zones; each gets one public and one private subnet. Allowed: 1 to 6. The `network.azCount` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false
}

variable "cidr" {
  description = "The VPC's block. Allowed: an IPv4 CIDR block with its host bits zero, /16 to /28; /24 or larger when the subnets are computed. The `network.cidr` key of an ecsforge environment file."
  type        = string
  default     = "10.0.0.0/16"
  nullable    = false
}

variable "environment" {
  description = "Environment name. Allowed: 1 to 16 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash; must equal the file name; not stacks or assets, the names of cdktf's own output folders. The `environment` key of an ecsforge environment file."
  type        = string
  nullable    = false
}

variable "flow_log_retention_days" {
  description = "Retention of the flow log group. Allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; a CloudWatch Logs retention. The `network.flowLogRetentionDays` key of an ecsforge environment file."
  type        = number
  default     = 90
  nullable    = false
}

variable "flow_logs" {
  description = "VPC flow logs to CloudWatch Logs. The `network.flowLogs` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "nat_gateways" {
  description = "Egress for the private subnets. `none`: no NAT; private subnets reach AWS only through VPC endpoints and tasks cannot reach the internet. `single`: one NAT gateway for all zones, cheaper, but a zone outage cuts egress for every zone. `one-per-az`: survives a zone outage, costs one gateway per zone. Allowed: none, single, one-per-az; `none` needs `vpcEndpoints: true`. The `network.natGateways` key of an ecsforge environment file."
  type        = string
  default     = "single"
  nullable    = false
}

variable "private_subnets" {
  description = "The private subnets. Computed, they start halfway through the VPC (`10.0.128.0/20`, `10.0.144.0/20`, ... in a `/16`), leaving room to grow. Allowed: as `publicSubnets`. The `network.privateSubnets` key of an ecsforge environment file."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "public_subnets" {
  description = "The public subnets. Computed, each is 1/16 of the VPC: the first `azCount` sixteenths (`10.0.0.0/20`, `10.0.16.0/20`, ... in a `/16`). Allowed: one CIDR block per zone (`azCount` of them), inside `cidr`, /28 or larger, none overlapping another subnet; give both lists or neither. The `network.publicSubnets` key of an ecsforge environment file."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "vpc_endpoints" {
  description = "S3 gateway and ECR/Logs interface endpoints. The `network.vpcEndpoints` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "image_tag" {
  description = "The tag a new service starts on before its first release. The first release pushes its image under this tag too when the repository has none, and the registry's lifecycle policy never expires it (see [First release of a new environment](../../docs/releases.md#first-release-of-a-new-environment)). Allowed: a Docker tag: letters, digits, _ . -, up to 128; not starting with `.` or `-`. The `service.imageTag` key of an ecsforge environment file."
  type        = string
  default     = "initial"
  nullable    = false
}

variable "keep_images" {
  description = "Tagged images kept by the lifecycle policy. Allowed: 1 to 1000. The `registry.keepImages` key of an ecsforge environment file."
  type        = number
  default     = 30
  nullable    = false
}

variable "repository_name" {
  description = "The ECR repository. Allowed: an ECR repository name: lower-case letters, digits, and . _ - / between them; a single `.`, `_`, `-` or `/` between them. The `registry.repositoryName` key of an ecsforge environment file. (In a file it defaults to the `app` name.) Null (the default) takes `app`."
  type        = string
  default     = null
  nullable    = true
}

variable "untagged_expiry_days" {
  description = "Days before untagged images expire. Allowed: 1 to 365. The `registry.untaggedExpiryDays` key of an ecsforge environment file."
  type        = number
  default     = 7
  nullable    = false
}

variable "alb_arn_suffix" {
  description = "The load balancer's ARN suffix (`app/<name>/<id>`), the CloudWatch dimension of every alarm."
  type        = string
  nullable    = false
}

variable "blue_target_group_arn_suffix" {
  description = "The blue target group's ARN suffix (`targetgroup/<name>/<id>`), the CloudWatch dimension its alarms watch."
  type        = string
  nullable    = false
}

variable "blue_target_group_name" {
  description = "The target group serving production before the first release."
  type        = string
  nullable    = false
}

variable "cluster_name" {
  description = "The ECS cluster the service runs in."
  type        = string
  nullable    = false
}

variable "codedeploy_role_arn" {
  description = "The ARN of the role CodeDeploy assumes to swap task sets and listeners (the `codedeploy` role of an ecsforge environment's access stack)."
  type        = string
  nullable    = false
}

variable "evaluation_periods" {
  description = "Consecutive breaching periods before an alarm fires. Allowed: 1 to 10. The `deployment.alarms.evaluationPeriods` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false
}

variable "green_target_group_arn_suffix" {
  description = "The green target group's ARN suffix (`targetgroup/<name>/<id>`), the CloudWatch dimension its alarms watch."
  type        = string
  nullable    = false
}

variable "green_target_group_name" {
  description = "The other target group; the two swap roles at every release."
  type        = string
  nullable    = false
}

variable "http5xx_percent" {
  description = "Target 5xx responses, as a percentage of requests, above which a release stops and rolls back. Allowed: 0.1 to 100. The `deployment.alarms.http5xxPercent` key of an ecsforge environment file."
  type        = number
  default     = 5
  nullable    = false
}

variable "interval_minutes" {
  description = "Minutes between shifts. Allowed: 1 to 2880; for `canary` and `linear`, at least as long as the alarms need to fire: `max(2, alarms.evaluationPeriods) × alarms.periodSeconds`, so an alarm can fire before the next shift. The `deployment.intervalMinutes` key of an ecsforge environment file."
  type        = number
  default     = 10
  nullable    = false
}

variable "p99_latency_seconds" {
  description = "p99 target response time above which a release rolls back. Allowed: 0.001 to 60. `null`, the default, means none: no latency alarm. The `deployment.alarms.p99LatencySeconds` key of an ecsforge environment file."
  type        = number
  default     = null
  nullable    = true
}

variable "percent" {
  description = "Traffic shifted first (canary) or at each step (linear). Allowed: 1 to 99. The `deployment.percent` key of an ecsforge environment file."
  type        = number
  default     = 25
  nullable    = false
}

variable "period_seconds" {
  description = "The alarms' period. Load balancer metrics arrive once a minute, so a shorter period would mostly see no data, which counts as not breaching. Allowed: 10 to 86400; a multiple of 60. The `deployment.alarms.periodSeconds` key of an ecsforge environment file."
  type        = number
  default     = 60
  nullable    = false
}

variable "production_listener_arn" {
  description = "The ARN of the listener whose target group serves production traffic."
  type        = string
  nullable    = false
}

variable "service_name" {
  description = "The ECS service CodeDeploy releases to; its deployment controller is CODE_DEPLOY."
  type        = string
  nullable    = false
}

variable "strategy" {
  description = "`canary`: `percent`% of traffic first, the rest after `intervalMinutes`. `linear`: `percent`% more every `intervalMinutes`. `all-at-once`: everything at once with the built-in `CodeDeployDefault.ECSAllAtOnce`. There is no canary window, so alarms can only roll back during `terminateBlueAfterMinutes`. Allowed: canary, linear, all-at-once. The `deployment.strategy` key of an ecsforge environment file."
  type        = string
  default     = "canary"
  nullable    = false
}

variable "terminate_blue_after_minutes" {
  description = "Minutes the old tasks are kept after the traffic has moved. Allowed: 0 to 2880. The `deployment.terminateBlueAfterMinutes` key of an ecsforge environment file."
  type        = number
  default     = 5
  nullable    = false
}

variable "test_listener_arn" {
  description = "The ARN of the listener that reaches the new version before it takes production traffic."
  type        = string
  nullable    = false
}

variable "unhealthy_hosts" {
  description = "Unhealthy targets in a target group at or above which a release rolls back. Allowed: 1 to 1000. The `deployment.alarms.unhealthyHosts` key of an ecsforge environment file."
  type        = number
  default     = 1
  nullable    = false
}
