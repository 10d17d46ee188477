package dev.personaharness.core;

/** A file inlined into a task's prompt: its path as written in the suite, fence language, text. */
public record Attachment(String path, String language, String content) {}
