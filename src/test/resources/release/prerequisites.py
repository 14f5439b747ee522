"""Creates in an AWS API emulator (moto) what one environment's stacks would have created before
its first release: the registry, access, cluster, service and delivery resources, taken from the
synthesized Terraform JSON (cdktf.out/stacks/<app>-<env>-<stack>/cdk.tf.json), so the release
workflow's steps can be replayed against it.

    python prerequisites.py --endpoint http://127.0.0.1:PORT --stacks cdktf.out/stacks \
        --prefix webapp-dev --release-role webapp-dev-github-release

Names, ports, CIDRs and settings come from the stacks; references between resources
("${aws_lb_target_group.blue.arn}", cross-stack outputs) are resolved to what moto returned.
Prints one JSON object on stdout: "created" (names and ARNs), "lacking" (what moto could not do,
each with the API and the reason). Exits 1 with the error when a call fails for another reason.

The release role is not in the stacks this branch synthesizes (the workflow names it), so it is
passed in. With --variant-group NAME --target-groups A,B --alarms X,Y the script only adds a
second deployment group to the application, for negative controls.
"""
import argparse
import json
import os
import re
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

TRUST = {
    "ecs-tasks": "ecs-tasks.amazonaws.com",
    "codedeploy": "codedeploy.amazonaws.com",
}
REMOTE = re.compile(
    r"^\$\{data\.terraform_remote_state\.cross-stack-reference-input-([^.]+)\.outputs\.cross-stack-output-([^}]+)\}$")
LOCAL = re.compile(r"^\$\{(aws_[a-z0-9_]+)\.([a-zA-Z0-9_]+)\.([a-z_]+)\}$")


def not_implemented(error):
    """moto's server answers 500 to an action it has not implemented (its log names the action)."""
    text = str(error)
    return "(500)" in text or any(mark in text for mark in ("not yet implemented", "NotImplemented", "UnknownOperation"))


class Prerequisites:
    def __init__(self, endpoint, stacks_dir, prefix, region):
        self.prefix = prefix
        self.stacks = {}
        for name in sorted(os.listdir(stacks_dir)):
            if name.startswith(prefix + "-"):
                with open(os.path.join(stacks_dir, name, "cdk.tf.json")) as f:
                    self.stacks[name] = json.load(f)
        if not self.stacks:
            raise SystemExit(f"no stacks named {prefix}-* in {stacks_dir}")
        self.attributes = {}  # (stack, type, id) -> {attribute: value}
        self.created = {}
        self.lacking = []
        session = boto3.session.Session(region_name=region)
        # One attempt: moto's 500 for an action it lacks is final, and retries only slow the report.
        config = Config(retries={"max_attempts": 1, "mode": "standard"})
        self.client = lambda service: session.client(service, endpoint_url=endpoint, config=config)

    def stack(self, suffix):
        return self.stacks[f"{self.prefix}-{suffix}"]

    def resources(self, suffix, kind):
        return self.stack(suffix).get("resource", {}).get(kind, {})

    def remember(self, suffix, kind, rid, **values):
        self.attributes[(f"{self.prefix}-{suffix}", kind, rid)] = values

    def resolve(self, suffix, value):
        """The value with a reference to another resource replaced by what moto made for it."""
        if isinstance(value, list):
            return [self.resolve(suffix, v) for v in value]
        if isinstance(value, dict):
            return {k: self.resolve(suffix, v) for k, v in value.items()}
        if not isinstance(value, str) or "${" not in value:
            return value
        match = REMOTE.match(value)
        if match:
            stack, key = match.groups()
            for (s, kind, rid), values in self.attributes.items():
                if s == stack and key.startswith(kind + rid) and key[len(kind + rid):] in values:
                    return values[key[len(kind + rid):]]
            raise KeyError(f"cannot resolve {value}: nothing made for it yet")
        match = LOCAL.match(value)
        if match:
            kind, rid, attribute = match.groups()
            return self.attributes[(f"{self.prefix}-{suffix}", kind, rid)][attribute]
        raise KeyError(f"cannot resolve {value}")

    def lack(self, api, reason):
        self.lacking.append({"api": api, "reason": reason})

    # -- registry -----------------------------------------------------------------------------
    def registry(self):
        ecr = self.client("ecr")
        for rid, r in self.resources("registry", "aws_ecr_repository").items():
            repo = ecr.create_repository(
                repositoryName=r["name"],
                imageTagMutability=r.get("image_tag_mutability", "MUTABLE"))["repository"]
            self.remember("registry", "aws_ecr_repository", rid, name=r["name"], arn=repo["repositoryArn"],
                          repository_url=repo["repositoryUri"])
            self.created.setdefault("repositories", []).append(r["name"])
            for lid, policy in self.resources("registry", "aws_ecr_lifecycle_policy").items():
                ecr.put_lifecycle_policy(repositoryName=r["name"], lifecyclePolicyText=policy["policy"])

    # -- access -------------------------------------------------------------------------------
    def role(self, name, principal_service=None, web_identity=False):
        iam = self.client("iam")
        if web_identity:
            principal = {"Federated": f"arn:aws:iam::{self.account()}:oidc-provider/token.actions.githubusercontent.com"}
            action = "sts:AssumeRoleWithWebIdentity"
        else:
            principal = {"Service": principal_service}
            action = "sts:AssumeRole"
        document = {"Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": principal, "Action": action}]}
        arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(document))["Role"]["Arn"]
        self.created.setdefault("roles", {})[name] = arn
        return arn

    def account(self):
        return self.client("sts").get_caller_identity()["Account"]

    def access(self, release_role):
        iam = self.client("iam")
        iam.create_open_id_connect_provider(
            Url="https://token.actions.githubusercontent.com", ClientIDList=["sts.amazonaws.com"],
            ThumbprintList=["0" * 40])
        for rid, r in self.resources("access", "aws_iam_role").items():
            trust = r["assume_role_policy"]
            if "ecs_tasks_trust" in trust:
                arn = self.role(r["name"], TRUST["ecs-tasks"])
            elif "codedeploy_trust" in trust:
                arn = self.role(r["name"], TRUST["codedeploy"])
            else:
                arn = self.role(r["name"], web_identity=True)
            self.remember("access", "aws_iam_role", rid, name=r["name"], arn=arn)
        # The workflow assumes the release role by name: the access stack must have made it.
        if release_role not in self.created.get("roles", {}):
            raise SystemExit(f"the access stack has no role {release_role}, which the workflow assumes")

    # -- cluster ------------------------------------------------------------------------------
    def cluster(self):
        ecs = self.client("ecs")
        for rid, r in self.resources("cluster", "aws_ecs_cluster").items():
            arn = ecs.create_cluster(clusterName=r["name"], capacityProviders=["FARGATE", "FARGATE_SPOT"])[
                "cluster"]["clusterArn"]
            self.remember("cluster", "aws_ecs_cluster", rid, name=r["name"], arn=arn, id=arn)
            self.created.setdefault("clusters", []).append(r["name"])

    # -- network (what the service stack's load balancer and tasks need) ----------------------
    def network(self, region):
        ec2 = self.client("ec2")
        for rid, r in self.resources("network", "aws_vpc").items():
            vpc = ec2.create_vpc(CidrBlock=r["cidr_block"])["Vpc"]["VpcId"]
            self.remember("network", "aws_vpc", rid, id=vpc)
        zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]]
        for rid, r in self.resources("network", "aws_subnet").items():
            index = int(re.search(r", (\d+)\)", r["availability_zone"]).group(1))
            subnet = ec2.create_subnet(VpcId=self.resolve("network", r["vpc_id"]), CidrBlock=r["cidr_block"],
                                       AvailabilityZone=zones[index])["Subnet"]["SubnetId"]
            self.remember("network", "aws_subnet", rid, id=subnet)

    # -- service ------------------------------------------------------------------------------
    def service(self):
        ec2, elb, ecs, logs = (self.client(s) for s in ("ec2", "elbv2", "ecs", "logs"))
        for rid, r in self.resources("service", "aws_cloudwatch_log_group").items():
            logs.create_log_group(logGroupName=r["name"])
        for rid, r in self.resources("service", "aws_security_group").items():
            group = ec2.create_security_group(GroupName=r["name"], Description=r["description"],
                                              VpcId=self.resolve("service", r["vpc_id"]))["GroupId"]
            self.remember("service", "aws_security_group", rid, id=group)
        for rid, r in self.resources("service", "aws_lb").items():
            lb = elb.create_load_balancer(
                Name=r["name"], Type=r["load_balancer_type"], Scheme="internal" if r["internal"] else "internet-facing",
                Subnets=self.resolve("service", r["subnets"]),
                SecurityGroups=self.resolve("service", r["security_groups"]))["LoadBalancers"][0]
            arn = lb["LoadBalancerArn"]
            self.remember("service", "aws_lb", rid, arn=arn, arn_suffix=arn.split(":loadbalancer/")[1])
            self.created["load_balancer"] = arn
        for rid, r in self.resources("service", "aws_lb_target_group").items():
            check = r["health_check"]
            group = elb.create_target_group(
                Name=r["name"], Protocol=r["protocol"], Port=r["port"], TargetType=r["target_type"],
                VpcId=self.resolve("service", r["vpc_id"]), HealthCheckPath=check["path"],
                HealthCheckIntervalSeconds=check["interval"], HealthyThresholdCount=check["healthy_threshold"],
                UnhealthyThresholdCount=check["unhealthy_threshold"],
                Matcher={"HttpCode": check["matcher"]})["TargetGroups"][0]
            arn = group["TargetGroupArn"]
            self.remember("service", "aws_lb_target_group", rid, name=r["name"], arn=arn,
                          arn_suffix="targetgroup/" + arn.split(":targetgroup/")[1])
            self.created.setdefault("target_groups", {})[r["name"]] = arn
        for rid, r in self.resources("service", "aws_lb_listener").items():
            listener = elb.create_listener(
                LoadBalancerArn=self.resolve("service", r["load_balancer_arn"]), Protocol=r["protocol"],
                Port=r["port"], DefaultActions=[{"Type": a["type"], "TargetGroupArn": self.resolve(
                    "service", a["target_group_arn"])} for a in r["default_action"]])["Listeners"][0]
            self.remember("service", "aws_lb_listener", rid, arn=listener["ListenerArn"])
            self.created.setdefault("listeners", {})[rid] = listener["ListenerArn"]
        for rid, r in self.resources("service", "aws_ecs_task_definition").items():
            definition = ecs.register_task_definition(
                family=r["family"], containerDefinitions=json.loads(r["container_definitions"]),
                cpu=str(r["cpu"]), memory=str(r["memory"]), networkMode=r["network_mode"],
                requiresCompatibilities=r["requires_compatibilities"],
                executionRoleArn=self.resolve("service", r["execution_role_arn"]),
                taskRoleArn=self.resolve("service", r["task_role_arn"]),
                runtimePlatform={"cpuArchitecture": r["runtime_platform"]["cpu_architecture"],
                                 "operatingSystemFamily": r["runtime_platform"]["operating_system_family"]},
            )["taskDefinition"]
            self.remember("service", "aws_ecs_task_definition", rid, arn=definition["taskDefinitionArn"])
        for rid, r in self.resources("service", "aws_ecs_service").items():
            network = r["network_configuration"]
            service = ecs.create_service(
                cluster=self.resolve("service", r["cluster"]), serviceName=r["name"],
                taskDefinition=self.resolve("service", r["task_definition"]), desiredCount=r["desired_count"],
                deploymentController={"type": r["deployment_controller"]["type"]},
                capacityProviderStrategy=[{"capacityProvider": c["capacity_provider"], "base": c["base"],
                                           "weight": c["weight"]} for c in r["capacity_provider_strategy"]],
                loadBalancers=[{"targetGroupArn": self.resolve("service", lb["target_group_arn"]),
                                "containerName": lb["container_name"], "containerPort": lb["container_port"]}
                               for lb in r["load_balancer"]],
                networkConfiguration={"awsvpcConfiguration": {
                    "subnets": self.resolve("service", network["subnets"]),
                    "securityGroups": self.resolve("service", network["security_groups"]),
                    "assignPublicIp": "ENABLED" if network["assign_public_ip"] else "DISABLED"}},
                healthCheckGracePeriodSeconds=r["health_check_grace_period_seconds"],
                propagateTags=r["propagate_tags"], enableECSManagedTags=r["enable_ecs_managed_tags"],
            )["service"]
            self.remember("service", "aws_ecs_service", rid, name=r["name"], arn=service["serviceArn"])
            self.created["service"] = service["serviceArn"]
            self.primary_task_set(ecs, r, service)

    def primary_task_set(self, ecs, r, service):
        """The task set CodeDeploy makes for the service's first tasks, in the blue target group: the
        hotfix path reads the live target group from it. moto's CreateService makes none."""
        try:
            task_set = ecs.create_task_set(
                cluster=service["clusterArn"], service=service["serviceArn"],
                taskDefinition=service["taskDefinition"], externalId="ecsforge-replay-initial",
                loadBalancers=service["loadBalancers"], networkConfiguration=service["networkConfiguration"],
                launchType="FARGATE")["taskSet"]
            ecs.update_service_primary_task_set(cluster=service["clusterArn"], service=service["serviceArn"],
                                                primaryTaskSet=task_set["taskSetArn"])
            self.created["primary_task_set"] = task_set["taskSetArn"]
        except ClientError as error:
            if not not_implemented(error):
                raise
            self.lack("ecs:CreateTaskSet", str(error))

    # -- delivery -----------------------------------------------------------------------------
    def alarm(self, cloudwatch, r):
        common = dict(
            AlarmName=r["alarm_name"], AlarmDescription=r["alarm_description"],
            ComparisonOperator=r["comparison_operator"], EvaluationPeriods=r["evaluation_periods"],
            Threshold=r["threshold"], TreatMissingData=r["treat_missing_data"])
        if "metric_query" in r:
            metrics = []
            for q in r["metric_query"]:
                query = {"Id": q["id"], "ReturnData": q["return_data"]}
                if "expression" in q:
                    query["Expression"] = q["expression"]
                    query["Label"] = q.get("label", q["id"])
                else:
                    m = q["metric"]
                    query["MetricStat"] = {
                        "Metric": {"Namespace": m["namespace"], "MetricName": m["metric_name"],
                                   "Dimensions": [{"Name": k, "Value": self.resolve("delivery", v)}
                                                  for k, v in m["dimensions"].items()]},
                        "Period": m["period"], "Stat": m["stat"]}
                metrics.append(query)
            cloudwatch.put_metric_alarm(Metrics=metrics, **common)
        else:
            cloudwatch.put_metric_alarm(
                Namespace=r["namespace"], MetricName=r["metric_name"], Period=r["period"],
                Statistic=r["statistic"],
                Dimensions=[{"Name": k, "Value": self.resolve("delivery", v)} for k, v in r["dimensions"].items()],
                **common)
        self.created.setdefault("alarms", []).append(r["alarm_name"])

    def delivery(self):
        cloudwatch, codedeploy = self.client("cloudwatch"), self.client("codedeploy")
        for rid, r in self.resources("delivery", "aws_cloudwatch_metric_alarm").items():
            self.alarm(cloudwatch, r)
            self.remember("delivery", "aws_cloudwatch_metric_alarm", rid, alarm_name=r["alarm_name"])
        for rid, r in self.resources("delivery", "aws_codedeploy_app").items():
            codedeploy.create_application(applicationName=r["name"], computePlatform=r["compute_platform"])
            self.remember("delivery", "aws_codedeploy_app", rid, name=r["name"])
            self.created["application"] = r["name"]
        for rid, r in self.resources("delivery", "aws_codedeploy_deployment_config").items():
            self.remember("delivery", "aws_codedeploy_deployment_config", rid,
                          deployment_config_name=r["deployment_config_name"])
            canary = r["traffic_routing_config"]["time_based_canary"]
            try:
                codedeploy.create_deployment_config(
                    deploymentConfigName=r["deployment_config_name"], computePlatform=r["compute_platform"],
                    trafficRoutingConfig={"type": "TimeBasedCanary", "timeBasedCanary": {
                        "canaryPercentage": canary["percentage"], "canaryInterval": canary["interval"]}})
            except ClientError as error:
                if not not_implemented(error):
                    raise
                self.lack("codedeploy:CreateDeploymentConfig",
                          "moto answers 500 (not implemented); the deployment group names the configuration only")
        for rid, r in self.resources("delivery", "aws_codedeploy_deployment_group").items():
            self.deployment_group(codedeploy, r)

    def deployment_group(self, codedeploy, r, name=None, target_groups=None, alarms=None):
        pair = r["load_balancer_info"]["target_group_pair_info"]
        blue_green = r["blue_green_deployment_config"]
        style = r["deployment_style"]
        alarms = alarms if alarms is not None else self.resolve("delivery", r["alarm_configuration"]["alarms"])
        target_groups = target_groups or [self.resolve("delivery", t["name"]) for t in pair["target_group"]]
        name = name or self.resolve("delivery", r["deployment_group_name"])
        codedeploy.create_deployment_group(
            applicationName=self.resolve("delivery", r["app_name"]), deploymentGroupName=name,
            deploymentConfigName=self.resolve("delivery", r["deployment_config_name"]),
            serviceRoleArn=self.resolve("delivery", r["service_role_arn"]),
            alarmConfiguration={"enabled": r["alarm_configuration"]["enabled"],
                                "alarms": [{"name": a} for a in alarms]},
            autoRollbackConfiguration={"enabled": r["auto_rollback_configuration"]["enabled"],
                                       "events": r["auto_rollback_configuration"]["events"]},
            deploymentStyle={"deploymentType": style["deployment_type"],
                             "deploymentOption": style["deployment_option"]},
            blueGreenDeploymentConfiguration={
                "deploymentReadyOption": {"actionOnTimeout": blue_green["deployment_ready_option"]["action_on_timeout"]},
                "terminateBlueInstancesOnDeploymentSuccess": {
                    "action": blue_green["terminate_blue_instances_on_deployment_success"]["action"],
                    "terminationWaitTimeInMinutes":
                        blue_green["terminate_blue_instances_on_deployment_success"]["termination_wait_time_in_minutes"]}},
            loadBalancerInfo={"targetGroupPairInfoList": [{
                "targetGroups": [{"name": t} for t in target_groups],
                "prodTrafficRoute": {"listenerArns": self.resolve("delivery", pair["prod_traffic_route"]["listener_arns"])},
                "testTrafficRoute": {"listenerArns": self.resolve("delivery", pair["test_traffic_route"]["listener_arns"])},
            }]},
            ecsServices=[{"clusterName": r["ecs_service"]["cluster_name"],
                          "serviceName": r["ecs_service"]["service_name"]}],
        )
        self.created.setdefault("deployment_groups", []).append(name)
        returned = codedeploy.get_deployment_group(
            applicationName=self.resolve("delivery", r["app_name"]), deploymentGroupName=name)["deploymentGroupInfo"]
        if alarms and not returned.get("alarmConfiguration", {}).get("alarms"):
            self.lack("codedeploy:GetDeploymentGroup alarmConfiguration",
                      f"moto stores the alarms given to CreateDeploymentGroup but GetDeploymentGroup returns "
                      f"alarmConfiguration {json.dumps(returned.get('alarmConfiguration'))} for {name}")

    def variant_group(self, name, target_groups, alarms):
        """Re-reads every stack's names (nothing is created again), then adds one deployment group."""
        self.bind_existing()
        for rid, r in self.resources("delivery", "aws_codedeploy_deployment_group").items():
            self.deployment_group(self.client("codedeploy"), r, name, target_groups, alarms)

    def bind_existing(self):
        iam, elb = self.client("iam"), self.client("elbv2")
        for rid, r in self.resources("access", "aws_iam_role").items():
            self.remember("access", "aws_iam_role", rid, arn=iam.get_role(RoleName=r["name"])["Role"]["Arn"])
        for rid, r in self.resources("service", "aws_lb_listener").items():
            lb = elb.describe_load_balancers()["LoadBalancers"][0]["LoadBalancerArn"]
            port = {l["Port"]: l["ListenerArn"] for l in elb.describe_listeners(LoadBalancerArn=lb)["Listeners"]}
            self.remember("service", "aws_lb_listener", rid, arn=port[r["port"]])
        for rid, r in self.resources("service", "aws_lb_target_group").items():
            self.remember("service", "aws_lb_target_group", rid, name=r["name"])
        for rid, r in self.resources("delivery", "aws_codedeploy_app").items():
            self.remember("delivery", "aws_codedeploy_app", rid, name=r["name"])
        for rid, r in self.resources("delivery", "aws_codedeploy_deployment_config").items():
            self.remember("delivery", "aws_codedeploy_deployment_config", rid,
                          deployment_config_name=r["deployment_config_name"])
        for rid, r in self.resources("delivery", "aws_cloudwatch_metric_alarm").items():
            self.remember("delivery", "aws_cloudwatch_metric_alarm", rid, alarm_name=r["alarm_name"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--stacks", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--release-role")
    parser.add_argument("--variant-group")
    parser.add_argument("--target-groups", default="")
    parser.add_argument("--alarms", default="")
    args = parser.parse_args()
    made = Prerequisites(args.endpoint, args.stacks, args.prefix, args.region)
    try:
        if args.variant_group:
            made.variant_group(args.variant_group, [t for t in args.target_groups.split(",") if t],
                               [a for a in args.alarms.split(",") if a])
        else:
            if not args.release_role:
                parser.error("--release-role is required")
            made.registry()
            made.access(args.release_role)
            made.cluster()
            made.network(args.region)
            made.service()
            made.delivery()
    except ClientError as error:
        print(json.dumps({"created": made.created, "lacking": made.lacking, "error": str(error)}, indent=2))
        return 1
    print(json.dumps({"created": made.created, "lacking": made.lacking}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
