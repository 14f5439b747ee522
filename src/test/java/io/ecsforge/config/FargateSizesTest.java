package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the CPU and memory table of the Amazon ECS developer guide (task size, Fargate). */
class FargateSizesTest {
    /** cpu, lowest memory, highest memory, step: the table as AWS documents it. */
    private static final int[][] TABLE = {
        {512, 1024, 4096, 1024},
        {1024, 2048, 8192, 1024},
        {2048, 4096, 16384, 1024},
        {4096, 8192, 30720, 1024},
        {8192, 16384, 61440, 4096},
        {16384, 32768, 122880, 8192},
    };

    @Test
    void everyDocumentedPairIsAccepted() {
        List<String> rejected = new ArrayList<>();
        for (int memory : new int[] {512, 1024, 2048}) {
            FargateSizes.check(256, memory).ifPresent(rejected::add);
        }
        for (int[] row : TABLE) {
            for (int memory = row[1]; memory <= row[2]; memory += row[3]) {
                FargateSizes.check(row[0], memory).ifPresent(rejected::add);
            }
        }
        assertEquals(List.of(), rejected);
    }

    @ParameterizedTest(name = "cpu {0} with {1} MiB")
    @CsvSource(delimiter = '|', value = {
        "256   | 1536   | 512, 1024 or 2048",
        "256   | 4096   | 512, 1024 or 2048",
        "256   | 256    | 512, 1024 or 2048",
        "512   | 512    | 1024 to 4096 in steps of 1024",
        "512   | 5120   | 1024 to 4096 in steps of 1024",
        "1024  | 1536   | 2048 to 8192 in steps of 1024",
        "1024  | 1024   | 2048 to 8192 in steps of 1024",
        "2048  | 17408  | 4096 to 16384 in steps of 1024",
        "4096  | 31744  | 8192 to 30720 in steps of 1024",
        "8192  | 17408  | 16384 to 61440 in steps of 4096",
        "16384 | 36864  | 32768 to 122880 in steps of 8192",
        "16384 | 131072 | 32768 to 122880 in steps of 8192"
    })
    void pairOutsideTheTableNamesTheMemoryAllowedForThatCpu(int cpu, int memory, String allowed) {
        assertEquals(Optional.of(memory + " MiB does not pair with service.cpu " + cpu + " on Fargate; allowed memory for cpu "
                + cpu + ": " + allowed), FargateSizes.check(cpu, memory));
    }

    @Test
    void cpuSizesAreTheTablesCpus() {
        assertEquals(List.of(256, 512, 1024, 2048, 4096, 8192, 16384), FargateSizes.CPUS);
    }

    @Test
    void cpuThatIsNotASizeIsNamed() {
        assertEquals(Optional.of("cpu 300 is not a Fargate CPU size; allowed cpu: 256, 512, 1024, 2048, 4096, 8192, 16384"),
                FargateSizes.check(300, 1024));
    }
}
