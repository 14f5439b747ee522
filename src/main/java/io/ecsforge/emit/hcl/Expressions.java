package io.ecsforge.emit.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Spaces the tokens of an HCL expression taken from Terraform JSON (an interpolation, a
 * directive, a variable type) the way {@code terraform fmt} spaces them: {@code { "a" = b }} for
 * {@code {"a"=b}}, {@code %{if x}} for {@code %{ if x }}, {@code f(a, b)} for {@code f( a,b )}.
 * Without it an expression written in another style would make fmt rewrite the module. Only the
 * space between tokens changes. An expression with a line break, a comment, a heredoc or a
 * strip marker is left as it is: fmt treats those by rules this does not repeat.
 */
final class Expressions {
    private Expressions() {}

    enum Type {
        IDENT, NUMBER, OQUOTE, QUOTED_LIT, CQUOTE, TEMPLATE_INTERP, TEMPLATE_CONTROL, TEMPLATE_SEQ_END,
        OBRACE, CBRACE, OBRACK, CBRACK, OPAREN, CPAREN, COMMA, DOT, ELLIPSIS, DOUBLE_COLON, BANG, MINUS,
        EQUAL_OP, NOT_EQUAL, COMPARISON, LOGICAL, ARITHMETIC, QUESTION, COLON, FAT_ARROW, EQUAL, OTHER
    }

    record Token(Type type, String text) {
        int bracketChange() {
            return switch (type) {
                case OBRACE, OBRACK, OPAREN, TEMPLATE_INTERP, TEMPLATE_CONTROL -> 1;
                case CBRACE, CBRACK, CPAREN, TEMPLATE_SEQ_END -> -1;
                default -> 0;
            };
        }
    }

    /** Thrown inside the tokenizer for what this leaves alone. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** The expression spaced as fmt spaces it, or stripped of outer space where it is left alone. */
    static String format(String expression) {
        String stripped = expression.strip();
        List<Token> tokens = new ArrayList<>();
        try {
            int end = tokenize(stripped, 0, tokens, false);
            if (end != stripped.length()) {
                return stripped;
            }
        } catch (Unsupported | StringIndexOutOfBoundsException e) {
            return stripped;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (i > 0 && spaceAfter(tokens.get(i - 1), i > 1 ? tokens.get(i - 2) : null, token)) {
                out.append(' ');
            }
            out.append(token.text());
        }
        return out.toString();
    }

    /**
     * Reads tokens from {@code from} into {@code tokens}; inside an interpolation it stops at the
     * brace that closes it (not consumed) and returns its index, else at the end of the text.
     */
    private static int tokenize(String s, int from, List<Token> tokens, boolean inInterpolation) {
        int depth = 0;
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '\n' || c == '\r' || c == '#' || c == '~' || s.startsWith("//", i) || s.startsWith("/*", i)
                    || s.startsWith("<<", i)) {
                throw new Unsupported();
            }
            if (c == '}' && depth == 0 && inInterpolation) {
                return i;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_'
                        || s.charAt(end) == '-')) {
                    end++;
                }
                tokens.add(new Token(Type.IDENT, s.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.'
                        && end + 1 < s.length() && Character.isDigit(s.charAt(end + 1)))) {
                    end++;
                }
                if (end < s.length() && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
                    end++;
                    if (s.charAt(end) == '+' || s.charAt(end) == '-') {
                        end++;
                    }
                    while (end < s.length() && Character.isDigit(s.charAt(end))) {
                        end++;
                    }
                }
                tokens.add(new Token(Type.NUMBER, s.substring(i, end)));
                i = end;
            } else if (c == '"') {
                i = quoted(s, i, tokens);
            } else {
                Token token = operator(s, i);
                if (token.type() == Type.OBRACE) {
                    depth++;
                } else if (token.type() == Type.CBRACE) {
                    depth--;
                }
                tokens.add(token);
                i += token.text().length();
            }
        }
        if (inInterpolation) {
            throw new Unsupported();
        }
        return i;
    }

    /** A quoted template inside the expression: its literal text kept as written, its interpolations spaced. */
    private static int quoted(String s, int from, List<Token> tokens) {
        tokens.add(new Token(Type.OQUOTE, "\""));
        StringBuilder literal = new StringBuilder();
        int i = from + 1;
        while (true) {
            char c = s.charAt(i);
            if (c == '"') {
                flush(literal, tokens);
                tokens.add(new Token(Type.CQUOTE, "\""));
                return i + 1;
            }
            if (c == '\\') {
                literal.append(s, i, i + 2);
                i += 2;
            } else if (s.startsWith("$${", i) || s.startsWith("%%{", i)) {
                literal.append(s, i, i + 3);
                i += 3;
            } else if (s.startsWith("${", i) || s.startsWith("%{", i)) {
                flush(literal, tokens);
                tokens.add(new Token(c == '$' ? Type.TEMPLATE_INTERP : Type.TEMPLATE_CONTROL, s.substring(i, i + 2)));
                i = tokenize(s, i + 2, tokens, true);
                tokens.add(new Token(Type.TEMPLATE_SEQ_END, "}"));
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
    }

    private static void flush(StringBuilder literal, List<Token> tokens) {
        if (literal.length() > 0) {
            tokens.add(new Token(Type.QUOTED_LIT, literal.toString()));
            literal.setLength(0);
        }
    }

    private static final List<Token> OPERATORS = List.of(new Token(Type.ELLIPSIS, "..."),
            new Token(Type.DOUBLE_COLON, "::"), new Token(Type.EQUAL_OP, "=="), new Token(Type.NOT_EQUAL, "!="),
            new Token(Type.COMPARISON, "<="), new Token(Type.COMPARISON, ">="), new Token(Type.LOGICAL, "&&"),
            new Token(Type.LOGICAL, "||"), new Token(Type.FAT_ARROW, "=>"), new Token(Type.OBRACE, "{"),
            new Token(Type.CBRACE, "}"), new Token(Type.OBRACK, "["), new Token(Type.CBRACK, "]"),
            new Token(Type.OPAREN, "("), new Token(Type.CPAREN, ")"), new Token(Type.COMMA, ","),
            new Token(Type.DOT, "."), new Token(Type.BANG, "!"), new Token(Type.MINUS, "-"),
            new Token(Type.COMPARISON, "<"), new Token(Type.COMPARISON, ">"), new Token(Type.ARITHMETIC, "+"),
            new Token(Type.ARITHMETIC, "*"), new Token(Type.ARITHMETIC, "/"), new Token(Type.ARITHMETIC, "%"),
            new Token(Type.QUESTION, "?"), new Token(Type.COLON, ":"), new Token(Type.EQUAL, "="));

    private static Token operator(String s, int i) {
        for (Token operator : OPERATORS) {
            if (s.startsWith(operator.text(), i)) {
                return operator;
            }
        }
        throw new Unsupported();
    }

    /** fmt's rule for whether {@code subject} is followed by a space, given the token before it and after it. */
    private static boolean spaceAfter(Token subject, Token before, Token after) {
        Type s = subject.type();
        Type a = after.type();
        if (s == Type.IDENT && a == Type.OPAREN) {
            return false;
        }
        if (s == Type.IDENT && a == Type.DOUBLE_COLON || s == Type.DOUBLE_COLON && a == Type.IDENT) {
            return false;
        }
        if (s == Type.DOT || a == Type.DOT) {
            return false;
        }
        if (a == Type.COMMA || a == Type.ELLIPSIS) {
            return false;
        }
        if (s == Type.COMMA) {
            return true;
        }
        if (s == Type.QUOTED_LIT || s == Type.OQUOTE || a == Type.QUOTED_LIT || a == Type.CQUOTE) {
            return false;
        }
        if (s == Type.IDENT && subject.text().equals("in") && before != null && before.type() == Type.IDENT) {
            return true;
        }
        if (a == Type.OBRACK && (s == Type.IDENT || s == Type.NUMBER || subject.bracketChange() < 0)) {
            return false;
        }
        if (s == Type.BANG) {
            return false;
        }
        if (s == Type.MINUS) {
            return before != null && switch (before.type()) {
                case OPAREN, OBRACE, OBRACK, EQUAL, COLON, COMMA, QUESTION, ARITHMETIC, MINUS, EQUAL_OP, NOT_EQUAL,
                        COMPARISON, LOGICAL, BANG -> false;
                default -> true;
            };
        }
        if (s == Type.OBRACE || a == Type.CBRACE) {
            return !(s == Type.OBRACE && a == Type.CBRACE);
        }
        if ((s == Type.TEMPLATE_INTERP || s == Type.TEMPLATE_CONTROL) && a == Type.OBRACE) {
            return true;
        }
        if (s == Type.CBRACE && a == Type.TEMPLATE_SEQ_END) {
            return true;
        }
        if (s == Type.TEMPLATE_SEQ_END && (a == Type.TEMPLATE_INTERP || a == Type.TEMPLATE_CONTROL)) {
            return false;
        }
        if (subject.bracketChange() > 0) {
            return false;
        }
        return after.bracketChange() >= 0;
    }
}
