namespace Neuromorph.Numerics.Ode;

/// <summary>Right-hand side dy/dt = f(t, y): writes f into <c>dydt</c>.</summary>
public delegate void OdeFunction(double t, ReadOnlySpan<double> y, Span<double> dydt);

/// <summary>Jacobian J[i, j] = ∂f_i/∂y_j at (t, y).</summary>
public delegate void OdeJacobian(double t, ReadOnlySpan<double> y, double[,] jacobian);

/// <summary>An event function g(t, y); a sign change between steps is an event, located to <see cref="OdeOptions.EventTolerance"/>.</summary>
public delegate double OdeEventFunction(double t, ReadOnlySpan<double> y);
