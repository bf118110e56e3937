global using AcceleratorException = Neuromorph.Compute.AcceleratorException;
