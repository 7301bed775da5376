package dev.dealarchive.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a benchmark run: the machine, the settings, the figures of each corpus size and the targets. Its
 * JSON form ({@link #toJson}) keeps keys and their order fixed between runs (schema {@value #SCHEMA}), with values
 * rounded to four significant digits, so two runs diff line by line.
 */
public final class BenchReport {
  /** Version of the JSON layout; raised when keys change meaning. */
  public static final String SCHEMA = "archive-bench/1";

  private final Machine machine;
  private final BenchSettings settings;
  private final Corpus corpus;
  private final Instant started;
  private final Instant finished;
  private final List<ScaleFigures> scales;
  private final List<String> notes;
  private final List<TargetCheck> targets;
  private final double loadBefore;
  private final double loadAfter;

  BenchReport(Machine machine, BenchSettings settings, Corpus corpus, Instant started, Instant finished,
      double loadBefore, double loadAfter, List<ScaleFigures> scales, List<String> notes) {
    this.loadBefore = loadBefore;
    this.loadAfter = loadAfter;
    this.machine = machine;
    this.settings = settings;
    this.corpus = corpus;
    this.started = started;
    this.finished = finished;
    this.scales = List.copyOf(scales);
    this.notes = List.copyOf(notes);
    this.targets = Targets.check(this.scales, settings.threads(), settings.heap());
  }

  /** The machine the run measured. */
  public Machine machine() {
    return machine;
  }

  /** One-minute load average of the machine when the run started. */
  public double loadBefore() {
    return loadBefore;
  }

  /** One-minute load average of the machine when the run ended. */
  public double loadAfter() {
    return loadAfter;
  }

  /** The settings of the run. */
  public BenchSettings settings() {
    return settings;
  }

  /** The base corpus. */
  public Corpus corpus() {
    return corpus;
  }

  /** Wall time of the whole run. */
  public Duration took() {
    return Duration.between(started, finished);
  }

  /** The figures of each corpus size, smallest first. */
  public List<ScaleFigures> scales() {
    return scales;
  }

  /** Things the reader should know, such as phases that were skipped. */
  public List<String> notes() {
    return notes;
  }

  /** The targets, checked. */
  public List<TargetCheck> targets() {
    return targets;
  }

  /** The report as nested maps and lists, ready for a JSON writer. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("schema", SCHEMA);
    json.put("started", started.toString());
    json.put("seconds", round(took().toMillis() / 1000.0));
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("cores", machine.cores());
    host.put("memory_mb", machine.memoryMb());
    host.put("cpu", machine.cpu());
    host.put("jdk", machine.jdk());
    host.put("os", machine.os());
    host.put("load_average_start", round(loadBefore));
    host.put("load_average_end", round(loadAfter));
    json.put("machine", host);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("corpus", corpus.file().getFileName().toString());
    config.put("corpus_articles", corpus.articles().size());
    config.put("corpus_bytes", corpus.bytes());
    config.put("phases", settings.phases().stream().map(Phase::key).sorted().toList());
    config.put("scales", settings.scales());
    config.put("queries", settings.queries());
    config.put("questions", settings.questions());
    config.put("cold_runs", settings.coldRuns());
    config.put("serve_rounds", settings.rounds());
    config.put("serve_heap", settings.heap());
    config.put("threads", settings.threads());
    config.put("seed", settings.seed());
    if (settings.runs(Phase.VECTORS)) {
      config.put("vector_articles", settings.vectorArticles());
      config.put("vector_index", settings.vectorIndex() == null ? null : settings.vectorIndex().toString());
    }
    json.put("config", config);
    List<Object> sizes = new ArrayList<>();
    for (ScaleFigures scale : scales) {
      Map<String, Object> size = new LinkedHashMap<>();
      size.put("scale", scale.scale());
      size.put("articles", scale.articles());
      size.put("input_bytes", scale.inputBytes());
      Map<String, Object> figures = new LinkedHashMap<>();
      for (Figure figure : scale.figures()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("unit", figure.unit());
        entry.put("ours", round(figure.ours()));
        entry.put("fts5", round(figure.peer()));
        entry.put("ratio", round(figure.ratio()));
        figures.put(figure.key(), entry);
      }
      size.put("figures", figures);
      sizes.add(size);
    }
    json.put("scales", sizes);
    List<Object> checks = new ArrayList<>();
    for (TargetCheck target : targets) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("key", target.key());
      entry.put("target", target.description());
      entry.put("value", round(target.value()));
      entry.put("limit", round(target.limit()));
      entry.put("at_most", target.atMost());
      entry.put("met", target.met());
      checks.add(entry);
    }
    json.put("targets", checks);
    json.put("notes", notes);
    return json;
  }

  /** {@code value} rounded to four significant digits; null stays null. */
  static Double round(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return null;
    }
    return new BigDecimal(value).round(new MathContext(4)).doubleValue();
  }
}
