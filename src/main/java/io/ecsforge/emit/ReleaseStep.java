package io.ecsforge.emit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps of a release job after it has its AWS credentials, in order. Each is a bash script
 * that reads the job's environment ({@link ReleaseWorkflow#jobEnvironment}) and calls AWS through
 * the AWS CLI only, so that every call a release makes is written here, where the tests can list
 * them and compare them with the release role's policy.
 */
enum ReleaseStep {
    LOGIN("Log in to the registry", null, Map.of(), """
            # skopeo pushes the OCI archive as it is, digests included; GitHub's Ubuntu runners have it.
            if ! command -v skopeo >/dev/null; then
              sudo apt-get update -qq && sudo apt-get install -y -qq skopeo
            fi
            aws ecr get-login-password | skopeo login --username AWS --password-stdin "$REGISTRY"
            """),
    PUSH("Push the image", "push", Map.of(), """
            # The digest of an image tag in the repository; nothing when the tag does not exist.
            digest_of() {
              local out
              if out="$(aws ecr describe-images --repository-name "$REPOSITORY" --image-ids "imageTag=$1" \\
                  --query 'imageDetails[0].imageDigest' --output text 2>&1)"; then
                echo "$out"
              elif grep -q ImageNotFoundException <<<"$out"; then
                return 0
              else
                echo "$out" >&2
                return 1
              fi
            }
            push() {
              skopeo copy --all --preserve-digests "oci-archive:$RUNNER_TEMP/%s" "docker://$REGISTRY/$REPOSITORY:$1"
            }
            # Tags are immutable: the tag names the commit, and a re-run finds it already pushed.
            existing="$(digest_of "$GITHUB_SHA")"
            if [ -z "$existing" ]; then
              push "$GITHUB_SHA"
              existing="$(digest_of "$GITHUB_SHA")"
            fi
            if [ "$existing" != "$IMAGE_DIGEST" ]; then
              echo "::error::$REPOSITORY:$GITHUB_SHA is $existing in the registry, not the $IMAGE_DIGEST just built; re-run only the failed jobs, which reuse the first build, or push a new commit"
              exit 1
            fi
            # A new environment's service starts on $SEED_TAG, which no release tags: the first release
            # provides it, so that the service's first tasks can start. The lifecycle policy keeps it.
            if [ -z "$(digest_of "$SEED_TAG")" ]; then
              push "$SEED_TAG"
              echo "Also tagged $IMAGE_DIGEST as $SEED_TAG, the image the service starts on before its first release"
            fi
            echo "image=$REGISTRY/$REPOSITORY@$IMAGE_DIGEST" >> "$GITHUB_OUTPUT"
            echo "Pushed $REGISTRY/$REPOSITORY:$GITHUB_SHA ($IMAGE_DIGEST)"
            """.formatted(ReleaseWorkflow.IMAGE_ARCHIVE)),
    RENDER("Render the task definition", null, Map.of(), """
            # By digest, so that the revision always runs these bytes, and a rollback the previous ones.
            jq --arg image "$REGISTRY/$REPOSITORY@$IMAGE_DIGEST" --arg name "$CONTAINER" \\
              '(.containerDefinitions[] | select(.name == $name) | .image) |= $image' \\
              "$RELEASE_FILES/taskdef.json" > "$RUNNER_TEMP/taskdef.json"
            if grep -q '%s' "$RUNNER_TEMP/taskdef.json"; then
              echo "::error::$RELEASE_FILES/taskdef.json has no container named $CONTAINER to give the image to"
              exit 1
            fi
            """.formatted(ReleaseArtifacts.IMAGE)),
    REGISTER("Register the task definition", "register", Map.of(), """
            arn="$(aws ecs register-task-definition --cli-input-json "file://$RUNNER_TEMP/taskdef.json" \\
              --query taskDefinition.taskDefinitionArn --output text)"
            echo "arn=$arn" >> "$GITHUB_OUTPUT"
            echo "Registered $arn"
            """),
    DEPLOY("Start the blue/green deployment", "deploy", ordered("TASK_DEFINITION", "${{ steps.register.outputs.arn }}"), """
            # These files were generated for this deployment group: stop if the infrastructure moved on.
            group="$(aws deploy get-deployment-group --application-name "$CODEDEPLOY_APPLICATION" \\
              --deployment-group-name "$DEPLOYMENT_GROUP" --output json)"
            expected="$(tr ' ' '\\n' <<<"$BLUE_TARGET_GROUP $GREEN_TARGET_GROUP $BLUE_ALARMS $GREEN_ALARMS" | sort)"
            actual="$(jq -r '.deploymentGroupInfo | (.loadBalancerInfo.targetGroupPairInfoList[].targetGroups[].name),
              (.alarmConfiguration.alarms // [] | .[].name)' <<<"$group" | sort)"
            if [ "$expected" != "$actual" ]; then
              echo "::error::deployment group $DEPLOYMENT_GROUP has target groups and alarms [$(tr '\\n' ' ' <<<"$actual")] where these release files expect [$(tr '\\n' ' ' <<<"$expected")]: generate them again with ecsforge workflows"
              exit 1
            fi
            override=()
            if [ "$HOTFIX" = "true" ]; then
              # The live version's alarms may be firing for what this release fixes: watch only the
              # target group the new version starts in (the one production does not use now).
              live="$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" \\
                --query "services[0].taskSets[?status=='PRIMARY'] | [0].loadBalancers[0].targetGroupArn" --output text)"
              case "$live" in
                *:targetgroup/"$BLUE_TARGET_GROUP"/*) watch="$GREEN_ALARMS" ;;
                *:targetgroup/"$GREEN_TARGET_GROUP"/*) watch="$BLUE_ALARMS" ;;
                *) echo "::error::cannot tell the live target group from the service's primary task set: $live"; exit 1 ;;
              esac
              override=(--override-alarm-configuration "$(jq -cn --arg names "$watch" \\
                '{enabled: true, ignorePollAlarmFailure: false, alarms: [$names | split(" ")[] | {name: .}]}')")
              echo "Hotfix: this release watches only $watch"
            fi
            appspec="$(sed "s|%s|$TASK_DEFINITION|" "$RELEASE_FILES/appspec.yaml")"
            revision="$(jq -cn --arg content "$appspec" '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')"
            id="$(aws deploy create-deployment --application-name "$CODEDEPLOY_APPLICATION" \\
              --deployment-group-name "$DEPLOYMENT_GROUP" --revision "$revision" \\
              --description "$GITHUB_REPOSITORY@$GITHUB_SHA, run $GITHUB_RUN_ID" \\
              "${override[@]}" --query deploymentId --output text)"
            echo "id=$id" >> "$GITHUB_OUTPUT"
            echo "Started deployment $id"
            """.formatted(ReleaseArtifacts.TASK_DEFINITION)),
    WAIT("Wait for the release to finish", "wait", ordered("DEPLOYMENT_ID", "${{ steps.deploy.outputs.id }}"), """
            # Until the old tasks are gone: alarms can roll the release back until then.
            deadline=$(( $(date +%s) + WAIT_MINUTES * 60 ))
            while true; do
              status="$(aws deploy get-deployment --deployment-id "$DEPLOYMENT_ID" --query deploymentInfo.status --output text)"
              case "$status" in
                Succeeded)
                  echo "status=$status" >> "$GITHUB_OUTPUT"
                  echo "Deployment $DEPLOYMENT_ID succeeded: all traffic is on the new version"
                  exit 0 ;;
                Failed | Stopped)
                  echo "status=$status" >> "$GITHUB_OUTPUT"
                  reason="$(aws deploy get-deployment --deployment-id "$DEPLOYMENT_ID" \\
                    --query 'deploymentInfo.[errorInformation.code, errorInformation.message]' --output text)"
                  echo "::error::deployment $DEPLOYMENT_ID $status; production traffic stays on (or went back to) the previous version: $reason"
                  exit 1 ;;
              esac
              if [ "$(date +%s)" -ge "$deadline" ]; then
                echo "status=still $status after $WAIT_MINUTES minutes" >> "$GITHUB_OUTPUT"
                echo "::error::deployment $DEPLOYMENT_ID is still $status after $WAIT_MINUTES minutes; CodeDeploy goes on with it"
                exit 1
              fi
              sleep "$POLL_SECONDS"
            done
            """),
    SUMMARY("Summary", null, ordered(
            "IMAGE", "${{ steps.push.outputs.image }}",
            "TASK_DEFINITION", "${{ steps.register.outputs.arn }}",
            "DEPLOYMENT_ID", "${{ steps.deploy.outputs.id }}",
            "OUTCOME", "${{ steps.wait.outputs.status }}"), """
            console="https://$AWS_REGION.console.aws.amazon.com/codesuite/codedeploy/deployments"
            {
              echo "### Release to $ENVIRONMENT_NAME"
              echo ""
              echo "| | |"
              echo "|---|---|"
              echo "| image | \\`${IMAGE:-not pushed}\\` |"
              echo "| task definition | \\`${TASK_DEFINITION:-not registered}\\` |"
              if [ -n "$DEPLOYMENT_ID" ]; then
                echo "| deployment | [$DEPLOYMENT_ID]($console/$DEPLOYMENT_ID?region=$AWS_REGION) |"
              else
                echo "| deployment | not started |"
              fi
              echo "| outcome | ${OUTCOME:-not known: see the failed step} |"
            } >> "$GITHUB_STEP_SUMMARY"
            """);

    private final String title;
    private final String id;
    private final Map<String, String> environment;
    private final String script;

    ReleaseStep(String title, String id, Map<String, String> environment, String script) {
        this.title = title;
        this.id = id;
        this.environment = environment;
        this.script = script;
    }

    String title() {
        return title;
    }

    /** The step's {@code id}, for the steps whose outputs later steps read; null otherwise. */
    String id() {
        return id;
    }

    /** Step-level environment variables, in order: outputs of earlier steps. */
    Map<String, String> environment() {
        return environment;
    }

    String script() {
        return script;
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
