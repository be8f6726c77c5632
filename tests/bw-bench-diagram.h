/* bw-bench-diagram.h: the diagram the rendering benchmarks draw: 2,000 nodes in a 50 × 40 grid
 * inside 10 zones and 4,000 edges between near neighbours, like a very large estate
 * (BW_BENCH_NOEDGES leaves the edges out, BW_BENCH_SOLID makes them protects edges). */
#pragma once

#include "bw-document.h"

#define BW_BENCH_N_NODES 2000
#define BW_BENCH_N_EDGES 4000

BwDocument *bw_bench_build_diagram (void);
