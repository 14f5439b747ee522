package io.ecsforge.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The CPU and memory pairs Fargate accepts. */
final class FargateSizes {
    /** The memory Fargate pairs with one CPU size: {@code min} to {@code max} MiB in steps of {@code step}. */
    private record Size(int cpu, int min, int max, int step) {
        /** 256 allows 512, 1024 and 2048: a step of 512 from 512 would also let 1536 through. */
        boolean allows(int memory) {
            return cpu == 256
                    ? memory == 512 || memory == 1024 || memory == 2048
                    : memory >= min && memory <= max && memory % step == 0;
        }

        String allowed() {
            return cpu == 256 ? "512, 1024 or 2048" : min + " to " + max + " in steps of " + step;
        }
    }

    private static final List<Size> SIZES = List.of(
            new Size(256, 512, 2048, 512),
            new Size(512, 1024, 4096, 1024),
            new Size(1024, 2048, 8192, 1024),
            new Size(2048, 4096, 16384, 1024),
            new Size(4096, 8192, 30720, 1024),
            new Size(8192, 16384, 61440, 4096),
            new Size(16384, 32768, 122880, 8192));

    /** Fargate's CPU sizes, in CPU units (1024 = one vCPU). */
    static final List<Integer> CPUS = SIZES.stream().map(Size::cpu).toList();

    /** Every CPU size with the memory it pairs with, for the configuration reference. */
    static final String PAIRS = SIZES.stream().map(size -> size.cpu() + " → " + size.allowed()).collect(Collectors.joining("; "));

    private FargateSizes() {}

    /** The rule of {@link #check} for a size of Fargate's as a Terraform condition on {@code cpu} and {@code memory}. */
    static String condition(String cpu, String memory) {
        return SIZES.stream().map(size -> "(" + cpu + " == " + size.cpu() + " && " + (size.cpu() == 256
                        ? "contains([512, 1024, 2048], " + memory + ")"
                        : memory + " >= " + size.min() + " && " + memory + " <= " + size.max() + " && " + memory + " % "
                                + size.step() + " == 0") + ")")
                .collect(Collectors.joining(" || "));
    }

    /** What {@link #check} says is allowed for the CPU size {@code cpu}, as a Terraform expression. */
    static String allowed(String cpu) {
        return "lookup({" + SIZES.stream().map(size -> "\"" + size.cpu() + "\" = \"" + size.allowed() + "\"")
                .collect(Collectors.joining(", ")) + "}, tostring(" + cpu + "), \"\")";
    }

    /** Empty when {@code cpu}/{@code memory} is a Fargate size; else what is wrong and what is allowed. */
    static Optional<String> check(int cpu, int memory) {
        Optional<Size> size = SIZES.stream().filter(s -> s.cpu() == cpu).findFirst();
        if (size.isEmpty()) {
            return Optional.of("cpu " + cpu + " is not a Fargate CPU size; allowed cpu: "
                    + CPUS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (!size.get().allows(memory)) {
            return Optional.of(memory + " MiB does not pair with service.cpu " + cpu + " on Fargate; allowed memory for cpu "
                    + cpu + ": " + size.get().allowed());
        }
        return Optional.empty();
    }
}
