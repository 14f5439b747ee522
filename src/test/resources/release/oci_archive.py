"""Writes a tiny but real OCI image archive, laid out as `docker buildx build --output type=oci`
writes a multi-platform build: index.json names one image index, which names one linux/amd64
manifest, which names one config and one gzipped layer. Every blob is stored under its sha256.

    python oci_archive.py OUT.tar REVISION
"""
import gzip
import hashlib
import io
import json
import sys
import tarfile

OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"


def add(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    tar.addfile(info, io.BytesIO(data))


def blob(tar, blobs, media_type, data, **extra):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    if digest not in blobs:
        add(tar, "blobs/sha256/" + digest.split(":")[1], data)
        blobs.add(digest)
    return dict(mediaType=media_type, digest=digest, size=len(data), **extra)


def main(out, revision):
    files = io.BytesIO()
    with tarfile.open(fileobj=files, mode="w") as layer_tar:
        add(layer_tar, "srv/version.txt", (revision + "\n").encode())
    layer_tar_bytes = files.getvalue()
    layer = gzip.compress(layer_tar_bytes, mtime=0)
    diff_id = "sha256:" + hashlib.sha256(layer_tar_bytes).hexdigest()
    labels = {"org.opencontainers.image.revision": revision}
    config = json.dumps({
        "architecture": "amd64", "os": "linux",
        "config": {"Cmd": ["cat", "/srv/version.txt"], "Labels": labels},
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
    }, separators=(",", ":")).encode()
    blobs = set()
    with tarfile.open(out, mode="w") as tar:
        config_descriptor = blob(tar, blobs, "application/vnd.oci.image.config.v1+json", config)
        layer_descriptor = blob(tar, blobs, "application/vnd.oci.image.layer.v1.tar+gzip", layer)
        manifest = json.dumps({"schemaVersion": 2, "mediaType": OCI_MANIFEST, "config": config_descriptor,
                               "layers": [layer_descriptor]}, separators=(",", ":")).encode()
        manifest_descriptor = blob(tar, blobs, OCI_MANIFEST, manifest,
                                   platform={"architecture": "amd64", "os": "linux"})
        image_index = json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [manifest_descriptor]},
                                 separators=(",", ":")).encode()
        index_descriptor = blob(tar, blobs, OCI_INDEX, image_index)
        add(tar, "oci-layout", b'{"imageLayoutVersion":"1.0.0"}')
        add(tar, "index.json", json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX,
                                           "manifests": [index_descriptor]}).encode())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
