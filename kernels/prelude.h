/* Neuromorph kernel dialect. Every kernel in this folder is written once against these macros and compiled at
 * run time as OpenCL C (NM_OPENCL) or CUDA C++ through NVRTC (NM_CUDA), in single (NM_DOUBLE 0) or double
 * (NM_DOUBLE 1) precision. The host prepends the two defines; nothing else differs between backends.
 *
 *   KERNEL            entry point           GLOBAL          pointer into device memory
 *   GID0/GID1         global index          LID0/LID1       index within the work-group (block)
 *   GRP0/GRP1         work-group index      LSZ0/LSZ1       work-group size
 *   LOCAL_ARRAY(t,n,s) work-group shared array              BARRIER()       work-group barrier (local memory)
 *   BARRIER_GLOBAL()  barrier that also makes global-memory writes visible within the work-group
 *   real              float or double       R(x)            real literal
 *   MULHI32(a,b)      high 32 bits of a 32x32 product
 *   r_tanh r_exp r_log r_sqrt r_cos r_fabs r_floor r_rint r_fmin r_fmax r_pow  math in the chosen precision
 */
#ifndef NM_PRELUDE
#define NM_PRELUDE

#if NM_OPENCL
#if NM_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif
#define KERNEL __kernel
#define GLOBAL __global
#define DEVICE_FN static inline
#define GID0 ((int)get_global_id(0))
#define GID1 ((int)get_global_id(1))
#define LID0 ((int)get_local_id(0))
#define LID1 ((int)get_local_id(1))
#define GRP0 ((int)get_group_id(0))
#define GRP1 ((int)get_group_id(1))
#define LSZ0 ((int)get_local_size(0))
#define LSZ1 ((int)get_local_size(1))
#define LOCAL_ARRAY(type, name, size) __local type name[size]
#define BARRIER() barrier(CLK_LOCAL_MEM_FENCE)
#define BARRIER_GLOBAL() barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)
#define MULHI32(a, b) mul_hi((uint)(a), (uint)(b))
#endif

#if NM_CUDA
typedef unsigned int uint;
#define KERNEL extern "C" __global__
#define GLOBAL
#define DEVICE_FN static __device__ __forceinline__
#define GID0 ((int)(blockIdx.x * blockDim.x + threadIdx.x))
#define GID1 ((int)(blockIdx.y * blockDim.y + threadIdx.y))
#define LID0 ((int)threadIdx.x)
#define LID1 ((int)threadIdx.y)
#define GRP0 ((int)blockIdx.x)
#define GRP1 ((int)blockIdx.y)
#define LSZ0 ((int)blockDim.x)
#define LSZ1 ((int)blockDim.y)
#define LOCAL_ARRAY(type, name, size) __shared__ type name[size]
#define BARRIER() __syncthreads()
#define BARRIER_GLOBAL() __syncthreads()
#define MULHI32(a, b) __umulhi((uint)(a), (uint)(b))
#endif

/* Math in the chosen precision: OpenCL C and CUDA's double functions are overloaded; CUDA float needs the f forms. */
#if NM_CUDA && !NM_DOUBLE
#define r_tanh tanhf
#define r_exp expf
#define r_log logf
#define r_sqrt sqrtf
#define r_cos cosf
#define r_fabs fabsf
#define r_floor floorf
#define r_rint rintf
#define r_fmin fminf
#define r_fmax fmaxf
#define r_pow powf
#else
#define r_tanh tanh
#define r_exp exp
#define r_log log
#define r_sqrt sqrt
#define r_cos cos
#define r_fabs fabs
#define r_floor floor
#define r_rint rint
#define r_fmin fmin
#define r_fmax fmax
#define r_pow pow
#endif

#if NM_DOUBLE
typedef double real;
#define R(x) (x)
#else
typedef float real;
#define R(x) (x##f)
#endif

#endif
