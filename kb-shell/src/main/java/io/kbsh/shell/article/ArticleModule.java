package io.kbsh.shell.article;

import com.google.inject.AbstractModule;

/** Wires the {@code article} commands and services into the shell. */
public final class ArticleModule extends AbstractModule {

    @Override
    protected void configure() {
    }
}
