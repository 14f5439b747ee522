package io.ecsforge.runner;

import java.util.Map;

/**
 * Where a stack keeps its state, as its synthesized {@code terraform.backend} block says.
 *
 * @param type the backend type ({@code s3}, {@code local}, ...), or {@code local} when the stack
 *     declares none (Terraform's default)
 * @param settings the block's settings as written in the stack JSON
 */
public record Backend(String type, Map<String, Object> settings) {
    public Backend {
        settings = Map.copyOf(settings);
    }

    static Backend localDefault() {
        return new Backend("local", Map.of());
    }

    /** True for the S3 backend, the only one whose state {@code bootstrap} can move. */
    public boolean isS3() {
        return "s3".equals(type);
    }

    /** The S3 bucket, or null for other backends. */
    public String bucket() {
        return isS3() ? String.valueOf(settings.get("bucket")) : null;
    }

    /** The state object's key (S3) or file (local), as the stack JSON gives it. */
    public String key() {
        if (isS3()) {
            return String.valueOf(settings.get("key"));
        }
        Object path = settings.get("path");
        return path == null ? "terraform.tfstate" : String.valueOf(path);
    }

    /** A one-word location for listings: {@code s3://bucket/key} or {@code local:path}. */
    public String location() {
        return isS3() ? "s3://" + bucket() + "/" + key() : type + ":" + key();
    }
}
