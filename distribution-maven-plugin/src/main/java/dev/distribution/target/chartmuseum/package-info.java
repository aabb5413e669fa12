/** Publishing charts through ChartMuseum's HTTP API. */
package dev.distribution.target.chartmuseum;
