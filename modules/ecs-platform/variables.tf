variable "app" {
  description = "Application name. With `environment` it prefixes every stack and resource name (`webapp-dev-network`). Allowed: 2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash. The `app` key of an ecsforge environment file."
  type        = string
  nullable    = false
}

variable "availability_zones" {
  description = "The zones the subnets are in, pinned: the VPC takes these, and a zone AWS adds to the region later cannot change which zones it uses. Unpinned, it takes the region's first `azCount` available zones. Zone names map to different physical zones in different accounts, so pin them only where `aws.accountId` is known. Costs nothing. Allowed: `azCount` zones of `aws.region`, each named once, as the region's name and one letter (e.g. us-east-1a); full zones only, not Local or Wavelength Zones. The `network.availabilityZones` key of an ecsforge environment file."
  type        = list(string)
  default     = []
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

variable "flow_log_kms_key_arn" {
  description = "The ARN of the customer-managed KMS key the flow log group is encrypted with, in the module's region; its policy must let `logs.<region>.amazonaws.com` use it. Empty: CloudWatch Logs' own encryption. The `network.flowLogKmsKey` key of an ecsforge environment file, where `state` names the environment's state key, which `ecsforge modules --inputs` looks up by its alias. Costs KMS requests, few: CloudWatch Logs caches data keys."
  type        = string
  default     = ""
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
  description = "The ECR repository. Allowed: an ECR repository name: 2 to 256 lower-case letters, digits, and . _ - / between them; a single `.`, `_`, `-` or `/` between them. The `registry.repositoryName` key of an ecsforge environment file. (In a file it defaults to the `app` name.) Null (the default) takes `app`."
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

variable "assume_role_arn" {
  description = "A role the AWS provider assumes. Allowed: an IAM role ARN, arn:aws:iam::<account>:role/<name>, the name up to 64 characters. The `aws.assumeRoleArn` key of an ecsforge environment file. Empty: none: the infra role applies the stacks itself."
  type        = string
  default     = ""
  nullable    = false
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider in this environment. Exactly one environment per account does; the others look it up. The `github.createOidcProvider` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "execute_command" {
  description = "ECS Exec into running tasks, logged to CloudWatch Logs. The `cluster.executeCommand` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "github_repository" {
  description = "`owner/name` of the repository whose workflows may deploy and plan, spelled as GitHub spells it (the trust policy compares exactly). Allowed: owner/name, e.g. my-org/webapp. The `github.repository` key of an ecsforge environment file."
  type        = string
  nullable    = false
}

variable "secrets" {
  description = "Environment variables injected from SSM Parameter Store or Secrets Manager (`valueFrom`). Allowed: names as `environment`, and not also set there; values: arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>. The `service.secrets` key of an ecsforge environment file."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "state_bucket" {
  description = "The state bucket, created by the state stack. Allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes; starting and ending with a letter or digit; no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3. The `state.bucket` key of an ecsforge environment file."
  type        = string
  nullable    = false
}

variable "state_dynamodb_table" {
  description = "The lock table. Allowed: a DynamoDB table name: 3 to 255 letters, digits, _ . -; required when `lock` is `dynamodb` or `both`, not allowed when it is `lockfile`. The `state.dynamodbTable` key of an ecsforge environment file. Empty: none."
  type        = string
  default     = ""
  nullable    = false
}

variable "state_lock" {
  description = "How concurrent runs are kept apart. `lockfile`: S3 native locking (Terraform 1.10+ / OpenTofu 1.10+). `dynamodb`: a DynamoDB lock table, for older Terraform. `both`: while a team moves from DynamoDB to lock files. Allowed: lockfile, dynamodb, both. The `state.lock` key of an ecsforge environment file."
  type        = string
  default     = "lockfile"
  nullable    = false
}

variable "state_region" {
  description = "The bucket's region. Allowed: an AWS region such as us-east-1. The `state.region` key of an ecsforge environment file. Empty: the region of the provider."
  type        = string
  default     = ""
  nullable    = false
}

variable "task_policy" {
  description = "IAM statements granted to the task role. Allowed: each with `actions` and `resources`; together up to 9740 characters without whitespace (IAM's 10240 for a role's inline policies, less what ecsforge adds). The `service.taskPolicy` key of an ecsforge environment file. Each statement allows its `actions` on its `resources`."
  type        = list(object({ actions = list(string), resources = list(string) }))
  default     = []
  nullable    = false
}

variable "waf" {
  description = "`managed`: ecsforge makes a regional AWS WAF web ACL named `<app>-<env>` and associates it with the load balancer: AWS's managed rule groups Core rule set, Known bad inputs, Amazon IP reputation list and Anonymous IP list block what they match, but the hosting-provider addresses of the last, which are only counted, since the environment's own NAT gateways, CI runners and health checkers come from hosting providers. Requests it blocks or counts are logged to the log group `aws-waf-logs-<app>-<env>` (`service.logRetentionDays`, under `service.logKmsKey`), without their `authorization` and `cookie` headers. Costs about 5 USD a month for the web ACL, 1 USD a month for each of the 4 rule groups and 0.60 USD per million requests, plus the logs' ingestion and storage; see [Web application firewall](../../docs/security.md#web-application-firewall). `none`: no web ACL of ecsforge's; `wafWebAclArn` may name your own. Allowed: none, managed; not with `wafWebAclArn`. The `loadBalancer.waf` key of an ecsforge environment file. Here it says what the infra role may manage: give the value the ecs-service module has."
  type        = string
  default     = "none"
  nullable    = false
}

variable "waf_web_acl_arn" {
  description = "A regional AWS WAF web ACL of your own that filters every request to the load balancer (an `aws_wafv2_web_acl_association`). The web ACL is not made here. WAF costs per web ACL and per rule a month, and per million requests inspected; see [Web application firewall](../../docs/security.md#web-application-firewall). Allowed: a regional WAF web ACL ARN, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>; in `aws.region`, and of `aws.accountId` when that is set; not with `waf: managed`. The `loadBalancer.wafWebAclArn` key of an ecsforge environment file. (Empty: no web ACL.)"
  type        = string
  default     = ""
  nullable    = false
}

variable "access_logs_bucket" {
  description = "Turns on the load balancer's access logs, one line a request, which Elastic Load Balancing writes to this S3 bucket every 5 minutes. The bucket is your own and is not made here: in `aws.region`, encrypted with SSE-S3 (the only encryption ELB writes with), and with a bucket policy that lets Elastic Load Balancing write: to the region's Elastic Load Balancing account in regions opened before August 2022, to the service principal `logdelivery.elasticloadbalancing.amazonaws.com` in newer ones; see [Load balancer access logs](../../docs/security.md#load-balancer-access-logs). Costs S3 storage and requests only: ELB charges nothing for writing them. Allowed: an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes; starting and ending with a letter or digit; no two periods in a row, not an IP address, not starting with xn--, sthree-, amzn-s3-demo- and not ending with -s3alias, --ol-s3, .mrap, --x-s3, --table-s3. The `loadBalancer.accessLogs.bucket` key of an ecsforge environment file. (Empty: no access logs.)"
  type        = string
  default     = ""
  nullable    = false
}

variable "access_logs_prefix" {
  description = "Where in the bucket the access logs go: under `<prefix>/AWSLogs/<account>/elasticloadbalancing/<region>/`. Allowed: an S3 key prefix: letters, digits and ! _ . * ' ( ) -, in parts separated by single slashes, not starting or ending with a slash and not containing AWSLogs; needs `bucket`. The `loadBalancer.accessLogs.prefix` key of an ecsforge environment file. (Empty: the top of the bucket.)"
  type        = string
  default     = ""
  nullable    = false
}

variable "allowed_cidrs" {
  description = "Who may reach the production listener(s). Allowed: at least one IPv4 CIDR block with its host bits zero. The `loadBalancer.allowedCidrs` key of an ecsforge environment file."
  type        = list(string)
  default     = ["0.0.0.0/0"]
  nullable    = false
}

variable "autoscaling_cpu_target" {
  description = "Average CPU percentage the service is scaled to keep. Allowed: 10 to 90. The `service.autoscaling.cpuTarget` key of an ecsforge environment file."
  type        = number
  default     = 70
  nullable    = false
}

variable "autoscaling_enabled" {
  description = "Target tracking on CPU; when `false`, `desiredCount` tasks run. The `service.autoscaling.enabled` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "autoscaling_max" {
  description = "Most tasks. Allowed: 1 to 1000. The `service.autoscaling.max` key of an ecsforge environment file."
  type        = number
  default     = 6
  nullable    = false
}

variable "autoscaling_min" {
  description = "Fewest tasks. Allowed: 1 to 1000; at most `autoscaling.max`. The `service.autoscaling.min` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false
}

variable "certificate_arn" {
  description = "When set, HTTPS on 443 and HTTP on 80 redirected to it. Allowed: an ACM certificate ARN; `arn:aws:acm:<region>:<account>:certificate/<id>`, in `aws.region`. The `loadBalancer.certificateArn` key of an ecsforge environment file. (Empty: none: plain HTTP on port 80.)"
  type        = string
  default     = ""
  nullable    = false
}

variable "container_insights" {
  description = "CloudWatch Container Insights. The `cluster.containerInsights` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "container_name" {
  description = "The container's name in the task definition. Allowed: letters, digits, _ and -, up to 255. The `service.containerName` key of an ecsforge environment file. (Empty: the `app` name.)"
  type        = string
  default     = ""
  nullable    = false
}

variable "container_port" {
  description = "The port the container listens on. Allowed: 1 to 65535. The `service.containerPort` key of an ecsforge environment file."
  type        = number
  default     = 3000
  nullable    = false
}

variable "cpu" {
  description = "CPU units of the task (1024 = one vCPU). Allowed: 256, 512, 1024, 2048, 4096, 8192, 16384; a Fargate CPU size. The `service.cpu` key of an ecsforge environment file."
  type        = number
  default     = 256
  nullable    = false
}

variable "cpu_architecture" {
  description = "The CPU architecture the image is built for. Allowed: X86_64, ARM64. The `service.cpuArchitecture` key of an ecsforge environment file."
  type        = string
  default     = "X86_64"
  nullable    = false
}

variable "deletion_protection" {
  description = "The load balancer's deletion protection. The `loadBalancer.deletionProtection` key of an ecsforge environment file."
  type        = bool
  default     = false
  nullable    = false
}

variable "desired_count" {
  description = "Running tasks when autoscaling is off. Allowed: 0 to 1000. The `service.desiredCount` key of an ecsforge environment file."
  type        = number
  default     = 2
  nullable    = false
}

variable "egress" {
  description = "More that the tasks may reach, such as a database, beside HTTPS anywhere. Allowed: each with `port` and exactly one of `cidr`, `prefixListId`, `securityGroupId`; no two rules alike. The `service.egress` key of an ecsforge environment file. Each rule: `port`, `to_port` (default: `port`), `protocol` (`tcp` or `udp`, default `tcp`), exactly one of `cidr`, `prefix_list_id` and `security_group_id`, and `description`."
  type        = list(object({ port = number, to_port = optional(number), protocol = optional(string, "tcp"), cidr = optional(string), prefix_list_id = optional(string), security_group_id = optional(string), description = optional(string, "") }))
  default     = []
  nullable    = false
}

variable "environment_variables" {
  description = "Plain environment variables. Allowed: names: an environment variable name (letters, digits and underscores, not starting with a digit); values: strings, whole numbers or booleans (passed as text); quote a fractional number (`\"1.10\"`), which YAML would otherwise read as `1.1`. The `service.environment` key of an ecsforge environment file."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "fargate_spot_weight" {
  description = "Share of tasks on FARGATE_SPOT against FARGATE's weight of 1. Allowed: 0 to 10. The `cluster.fargateSpotWeight` key of an ecsforge environment file."
  type        = number
  default     = 0
  nullable    = false
}

variable "health_check_grace_period_seconds" {
  description = "Seconds a new task has before failed health checks count. Allowed: 0 to 7200. The `service.healthCheckGracePeriodSeconds` key of an ecsforge environment file."
  type        = number
  default     = 60
  nullable    = false
}

variable "health_check_path" {
  description = "The target groups' health check. Allowed: a path starting with /, e.g. /health; up to 1024 printable ASCII characters, no spaces. The `service.healthCheckPath` key of an ecsforge environment file."
  type        = string
  default     = "/health"
  nullable    = false
}

variable "idle_timeout_seconds" {
  description = "The load balancer's idle timeout. Allowed: 1 to 4000. The `loadBalancer.idleTimeoutSeconds` key of an ecsforge environment file."
  type        = number
  default     = 60
  nullable    = false
}

variable "log_kms_key_arn" {
  description = "The ARN of the customer-managed KMS key the container log group is encrypted with, in the module's region; its policy must let `logs.<region>.amazonaws.com` use it. Empty: CloudWatch Logs' own encryption. The `service.logKmsKey` key of an ecsforge environment file, where `state` names the environment's state key, which `ecsforge modules --inputs` looks up by its alias. Costs KMS requests, few: CloudWatch Logs caches data keys."
  type        = string
  default     = ""
  nullable    = false
}

variable "log_retention_days" {
  description = "The container log group's retention. Allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653; a CloudWatch Logs retention. The `service.logRetentionDays` key of an ecsforge environment file."
  type        = number
  default     = 30
  nullable    = false
}

variable "memory" {
  description = "Memory of the task, in MiB. Allowed: 512 to 122880; MiB that Fargate pairs with `cpu`: 256 → 512, 1024 or 2048; 512 → 1024 to 4096 in steps of 1024; 1024 → 2048 to 8192 in steps of 1024; 2048 → 4096 to 16384 in steps of 1024; 4096 → 8192 to 30720 in steps of 1024; 8192 → 16384 to 61440 in steps of 4096; 16384 → 32768 to 122880 in steps of 8192. The `service.memory` key of an ecsforge environment file."
  type        = number
  default     = 512
  nullable    = false
}

variable "readonly_root_filesystem" {
  description = "Mount the container's root filesystem read-only. The `service.readonlyRootFilesystem` key of an ecsforge environment file."
  type        = bool
  default     = true
  nullable    = false
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener. Allowed: an ELBSecurityPolicy-TLS13-* or ELBSecurityPolicy-FS-1-2-* policy. The `loadBalancer.sslPolicy` key of an ecsforge environment file."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  nullable    = false
}

variable "test_listener_cidrs" {
  description = "Who may reach the test listener besides the NAT gateways' public addresses, which it admits unlisted: requests from inside the VPC (a CI runner, a smoke-test Lambda, a bastion) reach the internet-facing load balancer through a NAT gateway and arrive from its address. List the public egress of testers outside the VPC (an office, a VPN). With `network.natGateways: none` nothing inside the VPC can reach it. Costs nothing; each block or NAT gateway is one security group rule. Allowed: IPv4 CIDR blocks with their host bits zero, public ones: none inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or `network.cidr`. The `loadBalancer.testListenerCidrs` key of an ecsforge environment file."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "test_listener_port" {
  description = "The listener CodeDeploy uses to test a new version before it takes traffic. Allowed: 1 to 65535; not a production port: not 80, and not 443 when `certificateArn` is set. The `loadBalancer.testListenerPort` key of an ecsforge environment file."
  type        = number
  default     = 8443
  nullable    = false
}

variable "evaluation_periods" {
  description = "Consecutive breaching periods before an alarm fires. Allowed: 1 to 10; times `periodSeconds` at most 86400 (one day), CloudWatch's limit. The `deployment.alarms.evaluationPeriods` key of an ecsforge environment file."
  type        = number
  default     = 2
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

variable "unhealthy_hosts" {
  description = "Unhealthy targets in a target group at or above which a release rolls back. Allowed: 1 to 1000. The `deployment.alarms.unhealthyHosts` key of an ecsforge environment file."
  type        = number
  default     = 1
  nullable    = false
}
