/**
 * The site as a picture: {@link io.kbsh.shell.graph.SiteGraph} (what is connected to what, from an
 * environment), laid out by the Eclipse Layout Kernel's layered algorithm ({@link io.kbsh.shell.graph.GraphLayout})
 * and written as SVG, Graphviz DOT or Mermaid ({@code env graph}, and the HTML report's topology).
 */
package io.kbsh.shell.graph;
