/**
 * A hand-checkable one-Einsum design in one file (simple.yaml's machine, one 4 x 4 x 4 matmul,
 * unfused). Energy by hand, every action costing 1 per bit: MainMemory reads T0 and W0 and
 * writes T1 (3 x 16 values x 8 b = 384), GlobalBuffer fills T0 and W0 (256), reads T0, W0 and
 * T1 once per MAC (3 x 512) and writes T1 once per MAC (512), and the MAC computes 64 times:
 * 384 + 256 + 1536 + 512 + 64 = 2752.
 */
export const ONE_MATMUL_ENERGY = 2752;

export const ONE_MATMUL = `arch:
  nodes:
  - !Memory
    name: MainMemory
    size: inf
    leak_power: 0
    area: 0
    tensors: {keep: ~Intermediates, may_keep: All}
    actions:
    - {name: read, energy: 1, throughput: inf}
    - {name: write, energy: 1, throughput: inf}
  - !Memory
    name: GlobalBuffer
    size: inf
    leak_power: 0
    area: 0
    tensors: {keep: ~MainMemory, may_keep: All}
    actions:
    - {name: read, energy: 1, throughput: inf}
    - {name: write, energy: 1, throughput: inf}
  - !Compute
    name: MAC
    leak_power: 0
    area: 0
    actions:
    - {name: compute, energy: 1, throughput: 1}
workload:
  iteration_space_shape:
    m: 0 <= m < 4
    n0: 0 <= n0 < 4
    n1: 0 <= n1 < 4
  bits_per_value: {All: 8}
  einsums:
  - name: Matmul0
    tensor_accesses:
    - {name: T0, projection: [m, n0]}
    - {name: W0, projection: [n0, n1]}
    - {name: T1, projection: [m, n1], output: True}
mapping:
  nodes:
  - !Storage
    tensors: [T0, W0, T1]
    component: MainMemory
  - !Storage
    tensors: [T0, W0, T1]
    component: GlobalBuffer
  - !Temporal
    rank_variable: m
    tile_shape: 1
  - !Temporal
    rank_variable: n0
    tile_shape: 1
  - !Temporal
    rank_variable: n1
    tile_shape: 1
  - !Compute
    einsum: Matmul0
    component: MAC
`;
