namespace Neuromorph.Studies.Subjects;

/// <summary>The thing a study varies (a netlist or an experiment file): checks the study against it, then evaluates runs.</summary>
public interface IStudySubject
{
    /// <summary>Throws a located <see cref="Neuromorph.Diagnostics.UserInputException"/> if a parameter or metric cannot apply to this base.</summary>
    void Validate(StudySpec spec);

    /// <summary>Every file the runs read (the base and what it includes or names), for <see cref="StudyInputs"/>.</summary>
    IReadOnlyList<string> InputFiles { get; }

    /// <summary>Runs one point and returns the study's metrics by name.</summary>
    IReadOnlyDictionary<string, double> Evaluate(StudySpec spec, StudyPoint run, CancellationToken cancellationToken);
}
