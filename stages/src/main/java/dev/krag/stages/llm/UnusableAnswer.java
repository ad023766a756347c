package dev.krag.stages.llm;

/** The model answered, and was paid for, but the answer cannot be used (refused, cut off, off-schema). */
public final class UnusableAnswer extends RuntimeException {

  private final Completion completion;

  public UnusableAnswer(String message, Completion completion) {
    super(message);
    this.completion = completion;
  }

  public Completion completion() {
    return completion;
  }
}
