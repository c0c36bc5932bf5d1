package io.kbsh.shell.plugin;

/** The body of a do-nothing INI writer, for test plugins that must compile against the writer SPI. */
final class IniWriterStub {

    static final String BODY = """
            public io.kbsh.model.article.ArticleId article() { return io.kbsh.model.article.ArticleId.parse("Q1"); }
            public String summary() { return "nothing"; }
            public String targetFileName() { return "x.ini"; }
            public String targetLocation() { return "anywhere"; }
            public java.util.List<io.kbsh.ini.writer.WriterParameter> parameters() { return java.util.List.of(); }
            public io.kbsh.ini.plan.IniPlan plan(java.nio.file.Path file,
                    java.util.Optional<io.kbsh.ini.document.IniDocument> current,
                    io.kbsh.ini.writer.WriterArguments arguments) { throw new UnsupportedOperationException(); }
            """;

    private IniWriterStub() {}
}
