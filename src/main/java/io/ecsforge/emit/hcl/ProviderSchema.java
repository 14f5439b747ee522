package io.ecsforge.emit.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The schemas of resource and data source types, as {@code terraform providers schema -json}
 * prints them: what tells an attribute from a nested block. The HCL emitter reads nothing else
 * to decide between {@code name = [...]} and {@code name { ... }}, since Terraform JSON writes
 * both the same way.
 */
public final class ProviderSchema {
    /** The bundled copy, written by {@code scripts/provider-schema.sh}. */
    static final String BUNDLED_RESOURCE = "provider-schema.json";

    /** How a nested block repeats, as the schema's {@code nesting_mode} names it. */
    public enum Nesting {
        /** At most one block. */
        SINGLE,
        /** Exactly one block; Terraform JSON writes it like {@link #SINGLE}. */
        GROUP,
        LIST,
        SET,
        /** One block per key, the key as the block's label. */
        MAP;

        static Nesting of(String nestingMode, String where) {
            return switch (nestingMode) {
                case "single" -> SINGLE;
                case "group" -> GROUP;
                case "list" -> LIST;
                case "set" -> SET;
                case "map" -> MAP;
                default -> throw new IllegalArgumentException(where + ": unknown nesting_mode \"" + nestingMode
                        + "\"; known: single, group, list, set, map");
            };
        }
    }

    /**
     * One block's schema: its attributes with their types (as the schema writes them, e.g.
     * {@code "string"} or {@code ["set", ["object", {...}]]}) and its nested block types.
     */
    public record Block(Map<String, JsonNode> attributes, Map<String, NestedBlock> blockTypes) {
        public Block {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            blockTypes = Collections.unmodifiableMap(new LinkedHashMap<>(blockTypes));
        }

        boolean hasAttribute(String name) {
            return attributes.containsKey(name);
        }

        /** Whether the attribute is a plain string, the only type a JSON document can be written as. */
        boolean isStringAttribute(String name) {
            JsonNode type = attributes.get(name);
            return type != null && type.isTextual() && type.asText().equals("string");
        }
    }

    /** A nested block type: how it repeats and its own schema. */
    public record NestedBlock(Nesting nesting, Block block) {}

    private final Map<String, Block> resources;
    private final Map<String, Block> dataSources;
    private final Map<String, String> providerVersions;

    private ProviderSchema(Map<String, Block> resources, Map<String, Block> dataSources,
            Map<String, String> providerVersions) {
        this.resources = resources;
        this.dataSources = dataSources;
        this.providerVersions = providerVersions;
    }

    /**
     * The schema bundled with ecsforge: {@code hashicorp/aws} at the version the modules are
     * written against, and Terraform's built-in provider ({@code terraform_remote_state},
     * {@code terraform_data}), trimmed to the types the stacks use.
     */
    public static ProviderSchema bundled() {
        try (InputStream in = ProviderSchema.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_RESOURCE + " is missing from the classpath beside "
                        + ProviderSchema.class.getName() + "; scripts/provider-schema.sh writes it");
            }
            return read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the output of {@code terraform providers schema -json}, whole or trimmed; the trimmed
     * copy also records each provider's version in {@code provider_versions}.
     */
    public static ProviderSchema read(JsonNode document) {
        JsonNode providers = document.path("provider_schemas");
        if (!providers.isObject() || providers.isEmpty()) {
            throw new IllegalArgumentException("not a provider schema: it has no provider_schemas object (expected the"
                    + " output of terraform providers schema -json)");
        }
        Map<String, Block> resources = new LinkedHashMap<>();
        Map<String, Block> dataSources = new LinkedHashMap<>();
        providers.properties().forEach(provider -> {
            readTypes(provider.getValue().path("resource_schemas"), provider.getKey(), resources);
            readTypes(provider.getValue().path("data_source_schemas"), provider.getKey(), dataSources);
        });
        Map<String, String> versions = new LinkedHashMap<>();
        document.path("provider_versions").properties()
                .forEach(version -> versions.put(version.getKey(), version.getValue().asText()));
        return new ProviderSchema(Collections.unmodifiableMap(resources), Collections.unmodifiableMap(dataSources),
                Collections.unmodifiableMap(versions));
    }

    private static void readTypes(JsonNode types, String provider, Map<String, Block> into) {
        types.properties().forEach(type -> into.put(type.getKey(),
                readBlock(type.getValue().path("block"), provider + " " + type.getKey())));
    }

    private static Block readBlock(JsonNode block, String where) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        block.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().path("type")));
        Map<String, NestedBlock> nested = new LinkedHashMap<>();
        block.path("block_types").properties().forEach(b -> {
            String path = where + "." + b.getKey();
            nested.put(b.getKey(), new NestedBlock(Nesting.of(b.getValue().path("nesting_mode").asText(), path),
                    readBlock(b.getValue().path("block"), path)));
        });
        return new Block(attributes, nested);
    }

    public Optional<Block> resource(String type) {
        return Optional.ofNullable(resources.get(type));
    }

    public Optional<Block> dataSource(String type) {
        return Optional.ofNullable(dataSources.get(type));
    }

    /** Every resource type it knows, sorted. */
    public TreeSet<String> resourceTypes() {
        return new TreeSet<>(resources.keySet());
    }

    /** Every data source type it knows, sorted. */
    public TreeSet<String> dataSourceTypes() {
        return new TreeSet<>(dataSources.keySet());
    }

    /** The version of a provider (e.g. {@code registry.terraform.io/hashicorp/aws}), when recorded. */
    public Optional<String> providerVersion(String provider) {
        return Optional.ofNullable(providerVersions.get(provider));
    }
}
