package io.ecsforge.stacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.Token;
import java.io.UncheckedIOException;
import com.hashicorp.cdktf.IResolvable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One setting of a part, as the part reads it. In a stack it is the configuration's own value
 * ({@link #of}), so the stack's JSON holds the value itself; in a module it is a Terraform
 * expression, usually a variable ({@link #variable}), so the same code writes a reference to it.
 * A part never asks which: it passes {@link #value()} to a resource's builder, and builds what it
 * needs from other settings with {@link #select} and {@link #element}, which compute in Java when
 * their inputs are values and write an expression when one of them is not.
 *
 * @param <T> {@code String}, {@code Number}, {@code Boolean}, {@code List<String>} or {@code Map<String, String>}
 */
public final class Setting<T> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What kind of Terraform value an expression has, which decides the token that stands for it. */
    private enum Kind { STRING, NUMBER, BOOLEAN, LIST, MAP }

    private final Kind kind;
    /** The configuration's value; null for an expression (a configured value is never null). */
    private final T literal;
    private final String expression;
    private final T token;
    private final String label;

    private Setting(Kind kind, T literal, String expression, T token, String label) {
        this.kind = kind;
        this.literal = literal;
        this.expression = expression;
        this.token = token;
        this.label = label;
    }

    /** The configuration's value; {@code label} is the key as the user wrote it ({@code network.azCount}). */
    public static <T> Setting<T> of(T value, String label) {
        return new Setting<>(kindOf(value), value, hcl(value), null, label);
    }

    /** A module's variable {@code name}, of the kind of {@code example} (any value of the right type). */
    public static <T> Setting<T> variable(String name, T example) {
        return expression(kindOf(example), "var." + name, name);
    }

    /**
     * A Terraform expression (without {@code ${}}) standing for a value of the kind of
     * {@code example}, for what a module works out from its variables.
     */
    public static <T> Setting<T> expression(String hcl, T example, String label) {
        return expression(kindOf(example), hcl, label);
    }

    /** An expression with the token a builder takes for it given: a cdktf reference such as {@code count.index}. */
    static Setting<Number> reference(String hcl, Number token, String label) {
        return new Setting<>(Kind.NUMBER, null, hcl, token, label);
    }

    /** A string expression with the token a builder takes for it given: a cdktf reference to a resource's attribute. */
    static Setting<String> reference(String hcl, String token, String label) {
        return new Setting<>(Kind.STRING, null, hcl, token, label);
    }

    @SuppressWarnings("unchecked")
    private static <T> Setting<T> expression(Kind kind, String hcl, String label) {
        String interpolation = "${" + hcl + "}";
        Object token = switch (kind) {
            case STRING -> interpolation;
            case NUMBER -> Token.asNumber(interpolation);
            case LIST -> Token.asList(interpolation);
            // Flags choose what is made, and builders take them through flag(); a map is read
            // entry by entry, as in a container definition.
            case BOOLEAN, MAP -> null;
        };
        return new Setting<>(kind, null, hcl, (T) token, label);
    }

    /**
     * The case of {@code cases} at the position of {@code choice} in {@code choices}: picked here
     * when the choice is configured, else a conditional over every case, the last one standing
     * for any value the others do not match.
     */
    public static <T> Setting<T> select(Setting<String> choice, List<String> choices, List<Setting<T>> cases) {
        if (choices.size() != cases.size() || cases.isEmpty()) {
            throw new IllegalArgumentException(choices.size() + " choices for " + cases.size() + " cases");
        }
        if (choice.isLiteral()) {
            int index = choices.indexOf(choice.literal());
            if (index < 0) {
                throw new IllegalArgumentException(choice.label() + " is " + choice.literal() + "; allowed: " + choices);
            }
            return cases.get(index);
        }
        Setting<T> last = cases.get(cases.size() - 1);
        String hcl = last.expression();
        for (int i = cases.size() - 2; i >= 0; i--) {
            hcl = "(" + choice.expression() + " == " + hcl(choices.get(i)) + " ? " + cases.get(i).expression() + " : " + hcl
                    + ")";
        }
        return expression(last.kind, hcl, choice.label());
    }

    /** Whether {@code choice} is one of {@code values}: decided here when the choice is configured, else an expression. */
    public static Setting<Boolean> is(Setting<String> choice, String... values) {
        List<String> allowed = List.of(values);
        if (choice.isLiteral()) {
            return of(allowed.contains(choice.literal()), choice.label());
        }
        String hcl = allowed.size() == 1
                ? choice.expression() + " == " + hcl(allowed.get(0))
                : "contains(" + hcl(allowed) + ", " + choice.expression() + ")";
        return expression(Kind.BOOLEAN, hcl, choice.label());
    }

    /** {@code then} when {@code flag} is true, else {@code otherwise}: picked here when the flag is configured. */
    public static <T> Setting<T> when(Setting<Boolean> flag, Setting<T> then, Setting<T> otherwise) {
        if (flag.isLiteral()) {
            return flag.literal() ? then : otherwise;
        }
        return expression(then.kind, "(" + flag.expression() + " ? " + then.expression() + " : " + otherwise.expression()
                + ")", flag.label());
    }

    /** The {@code index}th element of {@code list}. */
    public static Setting<String> element(Setting<List<String>> list, Setting<Number> index) {
        if (list.isLiteral() && index.isLiteral()) {
            return of(list.literal().get(index.literal().intValue()), list.label() + "[" + index.literal() + "]");
        }
        return expression(Kind.STRING, "(" + list.expression() + ")[" + index.expression() + "]", list.label());
    }

    /** How many elements {@code list} has. */
    public static Setting<Number> size(Setting<List<String>> list) {
        if (list.isLiteral()) {
            return of(list.literal().size(), list.label());
        }
        return expression(Kind.NUMBER, "length(" + list.expression() + ")", list.label());
    }

    /** {@code ifTrue} when {@code flag} is true, else {@code ifFalse}: picked here when the flag is configured. */
    public static <T> Setting<T> either(Setting<Boolean> flag, Setting<T> ifTrue, Setting<T> ifFalse) {
        if (flag.isLiteral()) {
            return flag.literal() ? ifTrue : ifFalse;
        }
        return expression(ifTrue.kind, "(" + flag.expression() + " ? " + ifTrue.expression() + " : " + ifFalse.expression()
                + ")", flag.label());
    }

    /** Whether both flags are true. */
    public static Setting<Boolean> both(Setting<Boolean> one, Setting<Boolean> other) {
        if (one.isLiteral() && other.isLiteral()) {
            return of(one.literal() && other.literal(), one.label() + " and " + other.label());
        }
        return expression(Kind.BOOLEAN, "(" + one.expression() + " && " + other.expression() + ")", one.label());
    }

    /**
     * A flag as a builder argument: a builder takes the value as a {@code Boolean} and an
     * expression as an {@code IResolvable}, through two methods of the same name.
     */
    public static void flag(Setting<Boolean> flag, Consumer<Boolean> value, Consumer<IResolvable> expression) {
        if (flag.isLiteral()) {
            value.accept(flag.literal());
        } else {
            expression.accept(Token.asAny("${" + flag.expression() + "}"));
        }
    }

    /** Whether this is the configuration's own value rather than an expression. */
    public boolean isLiteral() {
        return literal != null;
    }

    /** The configuration's value; only for a setting that {@link #isLiteral()}. */
    public T literal() {
        if (!isLiteral()) {
            throw new IllegalStateException(label + " is the expression " + expression + ", not a value");
        }
        return literal;
    }

    /** What a resource's builder takes: the value itself, or a token that stands for the expression. */
    public T value() {
        if (isLiteral()) {
            return literal;
        }
        if (token == null) {
            throw new IllegalStateException(label + " is a flag: it chooses what is made, and no argument takes it");
        }
        return token;
    }

    /** The value as Terraform writes it in an expression: {@code "10.0.0.0/16"}, {@code 2}, {@code var.az_count}. */
    public String expression() {
        return expression;
    }

    /**
     * The value inside a string: the value itself ({@code 2}), or the expression interpolated
     * ({@code ${var.az_count}}), as in a name or a message.
     */
    public String text() {
        return isLiteral() ? String.valueOf(literal) : "${" + expression + "}";
    }

    /** The setting as its user knows it: the configuration key, or the module's variable. */
    public String label() {
        return label;
    }

    /** False only when it is the configured value {@code false}: nothing it guards can exist. */
    public boolean mayBeTrue() {
        return !isLiteral() || Boolean.TRUE.equals(literal);
    }

    private static Kind kindOf(Object value) {
        if (value instanceof String) {
            return Kind.STRING;
        }
        if (value instanceof Number) {
            return Kind.NUMBER;
        }
        if (value instanceof Boolean) {
            return Kind.BOOLEAN;
        }
        if (value instanceof List<?>) {
            return Kind.LIST;
        }
        if (value instanceof Map<?, ?>) {
            return Kind.MAP;
        }
        throw new IllegalArgumentException("a setting is a string, number, boolean, list or map of strings, not " + value);
    }

    /** A value as a Terraform literal; JSON's literals are Terraform's. */
    private static String hcl(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return label + " = " + expression;
    }
}
