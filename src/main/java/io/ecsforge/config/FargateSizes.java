package io.ecsforge.config;

import java.util.List;
import java.util.Optional;

/** The CPU and memory pairs Fargate accepts. */
final class FargateSizes {
    /** Fargate's CPU sizes, in CPU units (1024 = one vCPU). */
    static final List<Integer> CPUS = List.of(256, 512, 1024, 2048, 4096, 8192, 16384);

    private FargateSizes() {}

    /** Empty when {@code cpu}/{@code memory} is a Fargate size; else what is wrong and what is allowed. */
    static Optional<String> check(int cpu, int memory) {
        int[] range = switch (cpu) {
            case 256 -> new int[] {512, 2048, 512};
            case 512 -> new int[] {1024, 4096, 1024};
            case 1024 -> new int[] {2048, 8192, 1024};
            case 2048 -> new int[] {4096, 16384, 1024};
            case 4096 -> new int[] {8192, 30720, 1024};
            case 8192 -> new int[] {16384, 61440, 4096};
            case 16384 -> new int[] {32768, 122880, 8192};
            default -> null;
        };
        if (range == null) {
            return Optional.of("cpu " + cpu + " is not a Fargate CPU size; allowed cpu: 256, 512, 1024, 2048, 4096, 8192, 16384");
        }
        // 256 allows 512, 1024 and 2048: a step of 512 from 512 would also let 1536 through.
        boolean valid = cpu == 256
                ? memory == 512 || memory == 1024 || memory == 2048
                : memory >= range[0] && memory <= range[1] && memory % range[2] == 0;
        if (!valid) {
            String allowed = cpu == 256 ? "512, 1024 or 2048" : range[0] + " to " + range[1] + " in steps of " + range[2];
            return Optional.of(memory + " MiB does not pair with service.cpu " + cpu + " on Fargate; allowed memory for cpu "
                    + cpu + ": " + allowed);
        }
        return Optional.empty();
    }
}
