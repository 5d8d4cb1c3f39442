package dev.sfmcp.soql.query;

import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser;
import io.github.apexdevtools.apexparser.ApexParserFactory;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Parses SOQL and SOSL with apex-parser's grammar (the real SOQL grammar) and turns the first syntax error into
 * Salesforce's MALFORMED_QUERY / MALFORMED_SEARCH with the caret header.
 */
public final class SoqlSyntax {

    /** Salesforce's statement length limit. */
    public static final int MAX_STATEMENT = 100_000;

    private SoqlSyntax() {
    }

    /**
     * Parse trees of recent statements: agents and tests repeat queries, a tree is only read once built, and
     * parsing is close to half the cost of planning. Keyed by the exact text; errors are not kept.
     */
    private static final int KEPT_TREES = 512;
    private static final java.util.Map<String, ApexParser.QueryContext> TREES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(KEPT_TREES * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, ApexParser.QueryContext> eldest) {
                    return size() > KEPT_TREES;
                }
            });

    /** The parse tree of one SOQL statement, from the recent-tree cache when the same text was parsed before. */
    public static ApexParser.QueryContext parseQuery(String soql) {
        ApexParser.QueryContext tree = TREES.get(soql);
        if (tree == null) {
            tree = parseQueryText(soql);
            TREES.put(soql, tree);
        }
        return tree;
    }

    /** The parse tree of one SOQL statement; anything after the statement is an unexpected token. */
    public static ApexParser.QueryContext parseQueryText(String soql) {
        QueryErrors errors = new QueryErrors(soql);
        if (soql.length() > MAX_STATEMENT) {
            throw QueryErrors.fail("MALFORMED_QUERY", "Query is too long: " + soql.length() + " characters (maximum "
                    + MAX_STATEMENT + ")");
        }
        FirstError first = new FirstError(0);
        String lexable = masked(soql);
        ApexParser parser = parser(lexable, first, PredictionMode.SLL);
        ApexParser.QueryContext tree = parser.query();
        if (first.position != null) {
            // SLL may report errors full LL would not: only LL's verdict counts.
            first = new FirstError(0);
            parser = parser(lexable, first, PredictionMode.LL);
            tree = parser.query();
        }
        if (first.offending != null && tree.selectList() != null) {
            // "SELECT Id FORM Account": the grammar takes FORM for an alias and stumbles on Account, but a plain
            // field takes no alias in SOQL, so Salesforce points at FORM.
            for (ApexParser.SelectEntryContext entry : tree.selectList().selectEntry()) {
                if (entry.fieldName() != null && entry.soqlId() != null
                        && nextOnChannel(parser, entry.soqlId().getStop()) == first.offending.getTokenIndex()) {
                    throw errors.unexpectedToken(QueryPosition.of(entry.soqlId()), entry.soqlId().getText());
                }
            }
        }
        first.raise(errors, "MALFORMED_QUERY");
        Token next = parser.getCurrentToken();
        if (next.getType() != Token.EOF) {
            throw errors.unexpectedToken(QueryPosition.of(next), next.getText());
        }
        return tree;
    }

    /**
     * The parse tree of a REST SOSL statement ({@code FIND {term} ...}). The grammar only knows SOSL inside Apex
     * brackets, so the text is wrapped in {@code [ ]} and positions are shifted back by that one column.
     */
    public static ApexParser.SoslLiteralAltContext parseSearch(String sosl) {
        QueryErrors errors = new QueryErrors(sosl);
        if (sosl.length() > MAX_STATEMENT) {
            throw QueryErrors.fail("MALFORMED_SEARCH", "Search is too long: " + sosl.length() + " characters");
        }
        FirstError first = new FirstError(1);
        ApexParser parser = parser("[" + sosl + "]", first, PredictionMode.LL);
        ApexParser.SoslLiteralAltContext tree = parser.soslLiteralAlt();
        first.raise(errors, "MALFORMED_SEARCH");
        Token next = parser.getCurrentToken();
        if (next.getType() != Token.EOF) {
            throw errors.at("MALFORMED_SEARCH", QueryPosition.of(next).shiftedOnFirstRow(1),
                    "unexpected token: '" + next.getText() + "'");
        }
        return tree;
    }

    /**
     * The statement with SOQL's LIKE escapes {@code \%} and {@code \_} replaced by {@code \b} (same length, so
     * positions stay right): apex-parser's lexer rejects them. Literal values are read from the original text.
     */
    static String masked(String soql) {
        if (soql.indexOf('\\') < 0) {
            return soql;
        }
        char[] chars = soql.toCharArray();
        for (int i = 0; i + 1 < chars.length; i++) {
            if (chars[i] == '\\') {
                if (chars[i + 1] == '%' || chars[i + 1] == '_') {
                    chars[i + 1] = 'b';
                }
                i++;
            }
        }
        return new String(chars);
    }

    /** Whether a literal's text holds {@code \%} or {@code \_}. */
    static boolean hasLikeEscape(String literal) {
        return !masked(literal).equals(literal);
    }

    /** The index of the first token after {@code token} that the parser sees (whitespace is on a hidden channel). */
    private static int nextOnChannel(ApexParser parser, Token token) {
        org.antlr.v4.runtime.TokenStream tokens = parser.getTokenStream();
        int i = token.getTokenIndex() + 1;
        while (i < tokens.size() && tokens.get(i).getChannel() != Token.DEFAULT_CHANNEL) {
            i++;
        }
        return i;
    }

    private static ApexParser parser(String text, FirstError first, PredictionMode mode) {
        ApexLexer lexer = ApexParserFactory.createLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(first);
        ApexParser parser = ApexParserFactory.createParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(first);
        parser.getInterpreter().setPredictionMode(mode);
        return parser;
    }

    /** Keeps the first syntax error only: Salesforce reports one. */
    private static final class FirstError extends BaseErrorListener {
        private final int shift;
        private QueryPosition position;
        private String token;
        private Token offending;

        FirstError(int shift) {
            this.shift = shift;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            if (position != null) {
                return;
            }
            position = new QueryPosition(line, charPositionInLine + 1).shiftedOnFirstRow(shift);
            if (offendingSymbol instanceof Token t) {
                offending = t;
                token = t.getType() == Token.EOF ? "<EOF>" : t.getText();
            } else {
                // A lexer error: ANTLR words it "token recognition error at: 'x'"; Salesforce names the character.
                int quote = msg.indexOf('\'');
                token = quote >= 0 && msg.endsWith("'") ? msg.substring(quote + 1, msg.length() - 1) : msg;
                if (!token.isEmpty()) {
                    token = token.substring(0, 1);
                }
            }
        }

        void raise(QueryErrors errors, String code) {
            if (position != null) {
                throw errors.at(code, position, "unexpected token: '" + token + "'");
            }
        }
    }
}
