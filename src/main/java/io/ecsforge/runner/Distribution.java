package io.ecsforge.runner;

/**
 * Which Terraform-compatible binary runs the stacks. They resolve {@code hashicorp/aws} from
 * different registries ({@code registry.terraform.io}, {@code registry.opentofu.org}) whose
 * packages hash differently, and each drops the other's entries from a lock file it writes, so
 * each keeps its own lock file.
 */
public enum Distribution {
    TERRAFORM("terraform"),
    /** Reads a Terraform lock file too: it rewrites its entries to its own registry, keeping their versions. */
    OPENTOFU("tofu");

    private final String lockFilePart;

    Distribution(String lockFilePart) {
        this.lockFilePart = lockFilePart;
    }

    /** {@code <stack>.<part>.lock.hcl}: the name of a stack's committed lock file for this distribution. */
    public String lockFileName(String stackName) {
        return stackName + "." + lockFilePart + ".lock.hcl";
    }

    /** From the first line of {@code version}: {@code OpenTofu v1.10.10} or {@code Terraform v1.11.4}. */
    static Distribution fromVersionLine(String firstLine) {
        return firstLine.startsWith("OpenTofu") ? OPENTOFU : TERRAFORM;
    }
}
