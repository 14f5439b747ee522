package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformCount;
import com.hashicorp.cdktf.TerraformDataSource;
import com.hashicorp.cdktf.TerraformElement;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * How a part makes what the configuration may ask for more than once, or not at all. A stack
 * ({@link #configured()}) knows the configuration, so it makes each instance as a resource of its
 * own ({@code public_0}, {@code public_1}, ...) and leaves out what is off, as it always has: its
 * addresses are users' state. A module ({@link #counted}) cannot know its variables' values, so it
 * makes each thing once and gives it a {@code count}: the number asked for, or 1 or 0 for what is
 * optional.
 */
public abstract class Shapes {
    /**
     * One thing to make among those a {@link #repeat} makes.
     *
     * @param id its construct id: {@code <id>_<index>} in a stack, {@code <id>} in a module
     * @param index its index: the number in a stack, {@code count.index} in a module
     */
    public record Instance(String id, Setting<Number> index) {}

    /**
     * One thing to make among those an {@link #each} makes.
     *
     * @param id its construct id: {@code <id>_<key>} in a stack (the key's characters that are
     *     not letters, digits or {@code _} as {@code _}), {@code <id>} in a module
     * @param key its key: the value in a stack, {@code each.value} in a module
     */
    public record Element(String id, Setting<String> key) {}

    /** One value for every instance a {@link #repeat} made, in index order. */
    public interface Repeated {
        /** The {@code attribute} of the instance at {@code index}, as a reference. */
        String at(Setting<Number> index, String attribute);

        /** The {@code attribute} of every instance, in index order. */
        List<String> all(String attribute);
    }

    /**
     * A nested block of a resource that is there only when {@code on} is true. A builder takes a
     * block or none, never an expression that decides, so a stack, which knows {@code on}, gives
     * the builder the block ({@code set}), and a module writes a {@code dynamic} block of none or
     * one at {@code path} with {@code content}, its arguments as Terraform names them.
     *
     * @param on whether the block is there
     * @param set gives the resource's builder the block, in a stack
     * @param path the block in the resource, dotted ({@code traffic_routing_config.time_based_canary})
     * @param content the block's arguments
     */
    public record OptionalBlock(Setting<Boolean> on, Runnable set, String path, Map<String, Setting<?>> content) {}

    /** As a stack makes things: one resource an instance, nothing for what is off. */
    public static Shapes configured() {
        return new Configured();
    }

    /** As a module makes things, in {@code scope}: each once, with a {@code count}. */
    public static Counted counted(Construct scope) {
        return new Counted(scope);
    }

    /**
     * One of the objects an {@link #eachOf} makes a resource for: its value in a stack, where the
     * fields are computed in Java, and {@code each.value} in a module.
     *
     * @param id the construct id: {@code <id>_<key>} in a stack, {@code <id>} in a module
     * @param value the object; null in a module
     */
    public record Item<T>(String id, T value, String label) {
        /** A field: {@code read} of the value in a stack, the expression {@code hcl} (of {@code each.value}) in a module. */
        public <V> Setting<V> field(String hcl, Function<T, V> read, V example) {
            return value != null ? Setting.of(read.apply(value), label) : Setting.expression(hcl, example, label);
        }

        /** A string made from the object: {@code read} of the value in a stack, the template {@code template} in a module. */
        public String text(String template, Function<T, String> read) {
            return value != null ? read.apply(value) : template;
        }

        /** A field the object may not have: empty in a stack when {@code read} gives null; the expression in a module. */
        public Optional<Setting<String>> optional(String hcl, Function<T, String> read) {
            if (value == null) {
                return Optional.of(Setting.expression(hcl, "", label));
            }
            return Optional.ofNullable(read.apply(value)).map(field -> Setting.of(field, label));
        }
    }

    /** Makes {@code count} instances of a resource, {@code make} making each (and only that one). */
    public abstract Repeated repeat(String id, Setting<Number> count, Function<Instance, TerraformResource> make);

    /** Makes what {@code make} makes when {@code on} is true. */
    public abstract void optional(Setting<Boolean> on, Runnable make);

    /** Makes {@code make}'s resource or data source with those of {@code blocks} that are on. */
    public abstract <R extends TerraformElement> R withBlocks(Supplier<R> make, List<OptionalBlock> blocks);

    /**
     * The {@code attribute} of each of {@code made}, in order, as one list in which a resource made
     * by {@link #optional} counts only when it is made.
     */
    public abstract List<String> attributes(List<? extends TerraformResource> made, String attribute);

    /**
     * Makes a resource for each of {@code keys}, {@code make} making each: named after its key,
     * so that adding or removing a key leaves the others alone ({@code for_each} in a module).
     */
    public abstract void each(String id, Setting<List<String>> keys, Function<Element, TerraformResource> make);

    /**
     * Makes a resource for each of the objects {@code items}, {@code make} making each: named after
     * the object's key, so that adding or removing one leaves the others alone. In a stack the key
     * is {@code key} of the object; in a module, {@code for_each} over a map from {@code keyHcl},
     * an expression of {@code item}, to the object.
     */
    public abstract <T> void eachOf(String id, Setting<List<T>> items, Function<T, String> key, String keyHcl,
            Function<Item<T>, TerraformResource> make);

    /**
     * Adds to {@code resource} a nested block {@code block} for each of {@code keys}, with the
     * attributes {@code content} gives for the key, as Terraform JSON: in a module a
     * {@code dynamic} block over the keys, since a variable decides how many there are.
     */
    public abstract void blocks(TerraformResource resource, String block, Setting<List<String>> keys,
            Function<Setting<String>, Map<String, Object>> content);

    private static final class Configured extends Shapes {
        @Override
        public Repeated repeat(String id, Setting<Number> count, Function<Instance, TerraformResource> make) {
            List<TerraformResource> made = new ArrayList<>();
            for (int i = 0; i < count.literal().intValue(); i++) {
                made.add(make.apply(new Instance(id + "_" + i, Setting.<Number>of(i, id + "[" + i + "]"))));
            }
            return new Repeated() {
                @Override
                public String at(Setting<Number> index, String attribute) {
                    return made.get(index.literal().intValue()).getStringAttribute(attribute);
                }

                @Override
                public List<String> all(String attribute) {
                    return made.stream().map(resource -> resource.getStringAttribute(attribute)).toList();
                }
            };
        }

        @Override
        public void optional(Setting<Boolean> on, Runnable make) {
            if (on.literal()) {
                make.run();
            }
        }

        @Override
        public <R extends TerraformElement> R withBlocks(Supplier<R> make, List<OptionalBlock> blocks) {
            blocks.stream().filter(block -> block.on().literal()).forEach(block -> block.set().run());
            return make.get();
        }

        @Override
        public List<String> attributes(List<? extends TerraformResource> made, String attribute) {
            return made.stream().map(resource -> resource.getStringAttribute(attribute)).toList();
        }

        @Override
        public void each(String id, Setting<List<String>> keys, Function<Element, TerraformResource> make) {
            for (String key : keys.literal()) {
                make.apply(new Element(id + "_" + key.replaceAll("\\W", "_"), Setting.of(key, keys.label())));
            }
        }

        @Override
        public <T> void eachOf(String id, Setting<List<T>> items, Function<T, String> key, String keyHcl,
                Function<Item<T>, TerraformResource> make) {
            for (T item : items.literal()) {
                make.apply(new Item<>(id + "_" + key.apply(item).replaceAll("\\W", "_"), item, items.label()));
            }
        }

        @Override
        public void blocks(TerraformResource resource, String block, Setting<List<String>> keys,
                Function<Setting<String>, Map<String, Object>> content) {
            List<Map<String, Object>> blocks = keys.literal().stream()
                    .map(key -> content.apply(Setting.of(key, keys.label()))).toList();
            // One block is written as an object, as cdktf writes a block that may occur once.
            if (blocks.size() == 1) {
                resource.addOverride(block, blocks.get(0));
            } else if (!blocks.isEmpty()) {
                resource.addOverride(block, blocks);
            }
        }
    }

    /**
     * Each thing made once, with a {@code count}. A thing made by {@link #optional} has at most
     * one instance, but Terraform still wants it referenced as {@code address[0]}: the module's
     * document rewrites references to {@link #singleInstances()} so, in one place, rather than
     * every part (and every builder it shares with the stacks) writing two kinds of reference.
     */
    public static final class Counted extends Shapes {
        private final Construct scope;
        private final List<String> singleInstances = new ArrayList<>();

        private Counted(Construct scope) {
            this.scope = scope;
        }

        @Override
        public Repeated repeat(String id, Setting<Number> count, Function<Instance, TerraformResource> make) {
            TerraformCount counter = TerraformCount.of(count.value());
            TerraformResource made = make.apply(new Instance(id, Setting.reference("count.index", counter.getIndex(), id)));
            made.setCount(counter);
            String address = made.getTerraformResourceType() + "." + made.getFriendlyUniqueId();
            return new Repeated() {
                @Override
                public String at(Setting<Number> index, String attribute) {
                    return "${" + address + "[" + index.expression() + "]." + attribute + "}";
                }

                @Override
                public List<String> all(String attribute) {
                    return Token.asList("${" + address + "[*]." + attribute + "}");
                }
            };
        }

        @Override
        public void optional(Setting<Boolean> on, Runnable make) {
            int before = scope.getNode().getChildren().size();
            make.run();
            List<IConstruct> made = scope.getNode().getChildren();
            for (IConstruct child : made.subList(before, made.size())) {
                Number count = Token.asNumber("${" + on.expression() + " ? 1 : 0}");
                if (child instanceof TerraformResource resource && resource.getCount() != null) {
                    // Its count would be lost, and its instances' references would be wrong.
                    throw new IllegalStateException(resource.getNode().getId() + " is repeated inside an optional part;"
                            + " a module cannot count it twice");
                }
                if (child instanceof TerraformResource resource) {
                    resource.setCount(count);
                    singleInstances.add(resource.getTerraformResourceType() + "." + resource.getFriendlyUniqueId());
                } else if (child instanceof TerraformDataSource data) {
                    data.setCount(count);
                    singleInstances.add("data." + data.getTerraformResourceType() + "." + data.getFriendlyUniqueId());
                }
            }
        }

        @Override
        public <R extends TerraformElement> R withBlocks(Supplier<R> make, List<OptionalBlock> blocks) {
            R made = make.get();
            for (OptionalBlock block : blocks) {
                int dot = block.path().lastIndexOf('.');
                String dynamic = (dot < 0 ? "" : block.path().substring(0, dot + 1)) + "dynamic."
                        + block.path().substring(dot + 1);
                Map<String, Object> content = new TreeMap<>();
                block.content().forEach((name, value) -> content.put(name, value.isLiteral() ? value.literal() : value.text()));
                made.addOverride(dynamic, Map.of(
                        "for_each", "${" + block.on().expression() + " ? [1] : []}",
                        "content", content));
            }
            return made;
        }

        @Override
        public List<String> attributes(List<? extends TerraformResource> made, String attribute) {
            if (made.stream().noneMatch(resource -> singleInstances.contains(address(resource)))) {
                return made.stream().map(resource -> resource.getStringAttribute(attribute)).toList();
            }
            // Lists to concatenate: the made-once ones side by side, each optional one's zero or one instances.
            List<String> lists = new ArrayList<>();
            List<String> run = new ArrayList<>();
            for (TerraformResource resource : made) {
                String address = address(resource);
                if (singleInstances.contains(address)) {
                    if (!run.isEmpty()) {
                        lists.add("[" + String.join(", ", run) + "]");
                        run.clear();
                    }
                    lists.add(address + "[*]." + attribute);
                } else {
                    run.add(address + "." + attribute);
                }
            }
            if (!run.isEmpty()) {
                lists.add("[" + String.join(", ", run) + "]");
            }
            return Token.asList("${concat(" + String.join(", ", lists) + ")}");
        }

        private static String address(TerraformResource resource) {
            return resource.getTerraformResourceType() + "." + resource.getFriendlyUniqueId();
        }

        @Override
        public void each(String id, Setting<List<String>> keys, Function<Element, TerraformResource> make) {
            TerraformResource made = make.apply(new Element(id, Setting.expression("each.value", "", keys.label())));
            made.addOverride("for_each", "${toset(" + keys.expression() + ")}");
        }

        @Override
        public <T> void eachOf(String id, Setting<List<T>> items, Function<T, String> key, String keyHcl,
                Function<Item<T>, TerraformResource> make) {
            TerraformResource made = make.apply(new Item<>(id, null, items.label()));
            made.addOverride("for_each", "${{ for item in " + items.expression() + " : " + keyHcl + " => item }}");
        }

        @Override
        public void blocks(TerraformResource resource, String block, Setting<List<String>> keys,
                Function<Setting<String>, Map<String, Object>> content) {
            Map<String, Object> dynamic = new LinkedHashMap<>();
            dynamic.put("for_each", "${" + keys.expression() + "}");
            dynamic.put("content", content.apply(Setting.expression(block + ".value", "", keys.label())));
            resource.addOverride("dynamic." + block, dynamic);
        }

        /** The addresses made once with a count of 1 or 0, whose references need {@code [0]}. */
        public List<String> singleInstances() {
            return List.copyOf(singleInstances);
        }
    }
}
