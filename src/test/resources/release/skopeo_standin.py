"""A STAND-IN for skopeo, for replaying the release workflow against moto: moto serves ECR's
control-plane API but not a registry's HTTP API, so the real skopeo cannot push to it. This
does what `skopeo login` and `skopeo copy --all --preserve-digests oci-archive:... docker://...`
do to ECR, as ECR API calls: the layer upload calls and PutImage with each manifest's own bytes.

    skopeo login --username AWS --password-stdin REGISTRY
    skopeo copy --all --preserve-digests oci-archive:TAR docker://REGISTRY/REPOSITORY:TAG

Like skopeo it refuses a blob whose bytes do not match its digest, and a copy to a registry it
has not logged in to. Logins are kept in $SKOPEO_STANDIN_STATE/auth.json. When moto lacks an
API, it prints "skopeo-standin: moto lacks ecr:<Operation>" and exits 3.
"""
import base64
import hashlib
import json
import os
import sys
import tarfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

INDEX_TYPES = ("application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json")
PART = 5 * 1024 * 1024


class MotoLacks(Exception):
    pass


def ecr():
    return boto3.client("ecr", config=Config(retries={"max_attempts": 1, "mode": "standard"}))


def call(operation, **params):
    try:
        return getattr(ecr(), operation)(**params)
    except ClientError as error:
        text = str(error)
        if "(500)" in text or "NotImplemented" in text or "not yet implemented" in text or "UnknownOperation" in text:
            name = "".join(part.capitalize() for part in operation.split("_"))
            raise MotoLacks(f"ecr:{name} ({text.splitlines()[0]})")
        raise


def auth_file():
    state = os.environ["SKOPEO_STANDIN_STATE"]
    os.makedirs(state, exist_ok=True)
    return os.path.join(state, "auth.json")


def login(args):
    registry = args[-1]
    if "--password-stdin" not in args:
        sys.exit("skopeo-standin: login needs --password-stdin")
    password = sys.stdin.read().strip()
    token = call("get_authorization_token", registryIds=[registry.split(".")[0]])["authorizationData"][0]
    user, expected = base64.b64decode(token["authorizationToken"]).decode().split(":", 1)
    if password != expected:
        sys.exit(f"skopeo-standin: error logging in to {registry}: the password is not the registry's token")
    logins = json.load(open(auth_file())) if os.path.exists(auth_file()) else {}
    logins[registry] = user
    json.dump(logins, open(auth_file(), "w"))
    print("Login Succeeded!")


def copy(args):
    source, destination = args[-2], args[-1]
    if "--all" not in args or "--preserve-digests" not in args:
        sys.exit("skopeo-standin: only copy --all --preserve-digests is stood in for")
    if not source.startswith("oci-archive:") or not destination.startswith("docker://"):
        sys.exit(f"skopeo-standin: cannot copy {source} to {destination}")
    reference = destination[len("docker://"):]
    registry, path = reference.split("/", 1)
    repository, tag = path.rsplit(":", 1)
    logins = json.load(open(auth_file())) if os.path.exists(auth_file()) else {}
    if registry not in logins:
        sys.exit(f"skopeo-standin: not logged in to {registry}: run skopeo login first")
    registry_id = registry.split(".")[0]
    with tarfile.open(source[len("oci-archive:"):]) as archive:
        def read(digest):
            data = archive.extractfile("blobs/sha256/" + digest.split(":", 1)[1]).read()
            actual = "sha256:" + hashlib.sha256(data).hexdigest()
            if actual != digest:
                sys.exit(f"skopeo-standin: blob {digest} in the archive has digest {actual}")
            return data

        def push_manifest(descriptor, image_tag):
            manifest = read(descriptor["digest"])
            parsed = json.loads(manifest)
            if descriptor["mediaType"] in INDEX_TYPES:
                for child in parsed["manifests"]:
                    push_manifest(child, None)
            else:
                push_blobs([parsed["config"]] + parsed["layers"])
            if image_tag is None and call("batch_get_image", registryId=registry_id, repositoryName=repository,
                                          imageIds=[{"imageDigest": descriptor["digest"]}])["images"]:
                return
            params = dict(registryId=registry_id, repositoryName=repository, imageManifest=manifest.decode(),
                          imageManifestMediaType=descriptor["mediaType"], imageDigest=descriptor["digest"])
            if image_tag is not None:
                params["imageTag"] = image_tag
            call("put_image", **params)
            print(f"Writing manifest {descriptor['digest']}" + (f" as {image_tag}" if image_tag else ""))

        def push_blobs(descriptors):
            digests = [d["digest"] for d in descriptors]
            found = call("batch_check_layer_availability", registryId=registry_id, repositoryName=repository,
                         layerDigests=digests)
            present = {layer["layerDigest"] for layer in found["layers"] if layer["layerAvailability"] == "AVAILABLE"}
            for digest in digests:
                if digest in present:
                    print(f"Copying blob {digest[:19]} skipped: already exists")
                    continue
                data = read(digest)
                upload = call("initiate_layer_upload", registryId=registry_id, repositoryName=repository)["uploadId"]
                for first in range(0, len(data), PART):
                    part = data[first:first + PART]
                    call("upload_layer_part", registryId=registry_id, repositoryName=repository, uploadId=upload,
                         partFirstByte=first, partLastByte=first + len(part) - 1, layerPartBlob=part)
                done = call("complete_layer_upload", registryId=registry_id, repositoryName=repository,
                            uploadId=upload, layerDigests=[digest])
                if done["layerDigest"] != digest:
                    sys.exit(f"skopeo-standin: uploaded {digest}, the registry computed {done['layerDigest']}")
                print(f"Copying blob {digest[:19]} done")

        index = json.loads(archive.extractfile("index.json").read())
        push_manifest(index["manifests"][0], tag)


def main(argv):
    if not argv:
        sys.exit("skopeo-standin: no command")
    try:
        if argv[0] == "login":
            login(argv[1:])
        elif argv[0] == "copy":
            copy(argv[1:])
        else:
            sys.exit(f"skopeo-standin: {argv[0]} is not stood in for")
    except MotoLacks as lacking:
        print(f"skopeo-standin: moto lacks {lacking}", file=sys.stderr)
        sys.exit(3)


if __name__ == "__main__":
    main(sys.argv[1:])
