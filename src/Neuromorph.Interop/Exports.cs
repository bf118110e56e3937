using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;

namespace Neuromorph.Interop;

/// <summary>
/// The native entry points Python calls through the .NET hosting API (hostfxr,
/// <c>load_assembly_and_get_function_pointer</c> with <c>UNMANAGEDCALLERSONLY_METHOD</c>). Every method returns a
/// status code (<see cref="Status"/>) and never lets an exception cross the native boundary: a failure is kept per
/// thread and read with <see cref="LastError"/>. Strings travel as UTF-8 JSON; arrays as <c>double*</c> plus lengths.
/// </summary>
public static unsafe class Exports
{
    [ThreadStatic]
    private static string? t_lastError;

    /// <summary>
    /// Runs a JSON request <c>{"op": "simulate" | "run" | "minimize" | "device" | "backends" | "version", ...}</c> (see
    /// <see cref="Operations"/>) and returns its JSON answer in <paramref name="response"/> (free it with <see cref="Free"/>).
    /// </summary>
    /// <param name="request">UTF-8 JSON request.</param>
    /// <param name="length">Its length in bytes.</param>
    /// <param name="response">Receives the UTF-8 answer, NUL-terminated.</param>
    /// <param name="responseLength">Receives its length in bytes.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_call")]
    public static int Call(byte* request, int length, byte** response, int* responseLength) => Guard(() =>
    {
        var text = Encoding.UTF8.GetString(request, length);
        var node = JsonNode.Parse(text) as JsonObject ?? throw new UserInputException("the request must be a JSON object");
        var answer = Operations.Dispatch(node).ToJsonString();
        WriteString(answer, response, responseLength);
    });

    /// <summary>Returns the failure of the last call on this thread as JSON <c>{kind, message, location, hint}</c>.</summary>
    /// <param name="response">Receives the UTF-8 answer (free it with <see cref="Free"/>).</param>
    /// <param name="responseLength">Receives its length in bytes.</param>
    /// <returns>0.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_last_error")]
    public static int LastError(byte** response, int* responseLength)
    {
        try
        {
            WriteString(t_lastError ?? "{}", response, responseLength);
            return Status.Ok;
        }
        catch (OutOfMemoryException)
        {
            return Status.Internal;
        }
    }

    /// <summary>Frees a string returned by <see cref="Call"/> or <see cref="LastError"/>.</summary>
    /// <param name="pointer">The string.</param>
    /// <returns>0.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_free")]
    public static int Free(byte* pointer)
    {
        NativeMemory.Free(pointer);
        return Status.Ok;
    }

    /// <summary>Copies the array held under <paramref name="handle"/> (length <paramref name="count"/>) into <paramref name="destination"/>.</summary>
    /// <param name="handle">An array handle from a JSON answer.</param>
    /// <param name="destination">Memory for <paramref name="count"/> doubles.</param>
    /// <param name="count">The array's length (checked).</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_copy")]
    public static int Copy(long handle, double* destination, long count) => Guard(() =>
    {
        var data = Handles.Get<double[]>(handle);
        if (data.LongLength != count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"array {handle} holds {data.LongLength} values, {count} were asked for"));
        }

        data.AsSpan().CopyTo(new Span<double>(destination, data.Length));
    });

    /// <summary>Releases an array or tile handle (an unknown handle is ignored).</summary>
    /// <param name="handle">The handle.</param>
    /// <returns>0.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_release")]
    public static int Release(long handle) => Guard(() => Handles.Release(handle));

    /// <summary>
    /// Programs a crossbar tile: <paramref name="options"/> is the JSON of a crossbar experiment without its weights
    /// (<c>{array: {mapping, wire_resistance, ...}, nonidealities: {...}, seed, solver}</c>), <paramref name="weights"/>
    /// the row-major rows × columns weight matrix (rows: inputs on word lines, columns: outputs).
    /// </summary>
    /// <param name="options">UTF-8 JSON options.</param>
    /// <param name="length">Their length in bytes.</param>
    /// <param name="weights">Row-major weights.</param>
    /// <param name="rows">Inputs (word lines).</param>
    /// <param name="columns">Outputs.</param>
    /// <param name="handle">Receives the tile's handle.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_tile_create")]
    public static int TileCreate(byte* options, int length, double* weights, int rows, int columns, long* handle) => Guard(() =>
    {
        var json = Encoding.UTF8.GetString(options, length);
        var w = new double[rows, columns];
        var source = new ReadOnlySpan<double>(weights, checked(rows * columns));
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                w[i, j] = source[(i * columns) + j];
            }
        }

        *handle = Handles.Add(CrossbarTile.Create(json, w));
    });

    /// <summary>
    /// Reads a batch through a tile: forward (<paramref name="transposed"/> = 0) y = x W for <paramref name="count"/>
    /// row-major inputs of length rows, or the transposed read d Wᵀ of inputs of length columns.
    /// </summary>
    /// <param name="handle">The tile.</param>
    /// <param name="inputs">Row-major batch of inputs.</param>
    /// <param name="count">Batch size.</param>
    /// <param name="outputs">Row-major batch of outputs, written.</param>
    /// <param name="transposed">Nonzero for the transposed (backward) read.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_tile_read")]
    public static int TileRead(long handle, double* inputs, int count, double* outputs, int transposed) => Guard(() =>
    {
        var tile = Handles.Get<CrossbarTile>(handle);
        int nIn = transposed != 0 ? tile.Columns : tile.Rows, nOut = transposed != 0 ? tile.Rows : tile.Columns;
        tile.Read(new ReadOnlySpan<double>(inputs, checked(count * nIn)), new Span<double>(outputs, checked(count * nOut)), count, transposed != 0);
    });

    /// <summary>Copies the weights a tile realises for a noiseless read (rows × columns, row-major) into <paramref name="destination"/>.</summary>
    /// <param name="handle">The tile.</param>
    /// <param name="destination">Memory for rows × columns doubles.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_tile_weights")]
    public static int TileWeights(long handle, double* destination) => Guard(() =>
    {
        var tile = Handles.Get<CrossbarTile>(handle);
        tile.ProgrammedWeights(new Span<double>(destination, tile.Rows * tile.Columns));
    });

    /// <summary>Creates a tile trained in place (<see cref="TrainingTile"/>) from JSON options, at weight 0.</summary>
    /// <param name="options">UTF-8 JSON options <c>{algorithm, device, update, tiki_taka, seed}</c>.</param>
    /// <param name="length">Their length in bytes.</param>
    /// <param name="rows">Inputs.</param>
    /// <param name="columns">Outputs.</param>
    /// <param name="handle">Receives the tile's handle.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_train_tile_create")]
    public static int TrainTileCreate(byte* options, int length, int rows, int columns, long* handle) => Guard(() =>
        *handle = Handles.Add(TrainingTile.Create(Encoding.UTF8.GetString(options, length), rows, columns)));

    /// <summary>Programs a training tile's weights (rows × columns, row-major).</summary>
    /// <param name="handle">The tile.</param>
    /// <param name="weights">The weights.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_train_tile_program")]
    public static int TrainTileProgram(long handle, double* weights) => Guard(() =>
    {
        var tile = Handles.Get<TrainingTile>(handle);
        tile.Program(new ReadOnlySpan<double>(weights, checked(tile.Rows * tile.Columns)));
    });

    /// <summary>Reads a batch through a training tile: y = x W, or d Wᵀ when <paramref name="transposed"/> is nonzero.</summary>
    /// <param name="handle">The tile.</param>
    /// <param name="inputs">Row-major batch of inputs.</param>
    /// <param name="count">Batch size.</param>
    /// <param name="outputs">Row-major batch of outputs, written.</param>
    /// <param name="transposed">Nonzero for the transposed read.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_train_tile_read")]
    public static int TrainTileRead(long handle, double* inputs, int count, double* outputs, int transposed) => Guard(() =>
    {
        var tile = Handles.Get<TrainingTile>(handle);
        int nIn = transposed != 0 ? tile.Columns : tile.Rows, nOut = transposed != 0 ? tile.Rows : tile.Columns;
        tile.Read(new ReadOnlySpan<double>(inputs, checked(count * nIn)), new Span<double>(outputs, checked(count * nOut)), count, transposed != 0);
    });

    /// <summary>Applies the pulsed gradient step W ← W − η·xᵀd for a batch (one rank-one update per row, in order).</summary>
    /// <param name="handle">The tile.</param>
    /// <param name="x">Row-major inputs (count × rows).</param>
    /// <param name="d">Row-major errors (count × columns).</param>
    /// <param name="count">Batch size.</param>
    /// <param name="learningRate">η ≥ 0.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_train_tile_update")]
    public static int TrainTileUpdate(long handle, double* x, double* d, int count, double learningRate) => Guard(() =>
    {
        var tile = Handles.Get<TrainingTile>(handle);
        tile.Update(new ReadOnlySpan<double>(x, checked(count * tile.Rows)), new ReadOnlySpan<double>(d, checked(count * tile.Columns)), count, learningRate);
    });

    /// <summary>Copies a training tile's effective weights (rows × columns) and returns its pulse count in <paramref name="pulses"/>.</summary>
    /// <param name="handle">The tile.</param>
    /// <param name="destination">Memory for rows × columns doubles.</param>
    /// <param name="pulses">Receives the pulses applied so far.</param>
    /// <returns>A <see cref="Status"/> code.</returns>
    [UnmanagedCallersOnly(EntryPoint = "nm_train_tile_weights")]
    public static int TrainTileWeights(long handle, double* destination, long* pulses) => Guard(() =>
    {
        var tile = Handles.Get<TrainingTile>(handle);
        tile.Weights(new Span<double>(destination, tile.Rows * tile.Columns));
        *pulses = tile.Pulses;
    });

    private static int Guard(Action action)
    {
        try
        {
            action();
            t_lastError = null;
            return Status.Ok;
        }
        catch (UserInputException ex)
        {
            var d = ex.Diagnostic;
            return Fail(Status.InputError, "input", d.Location == SourceLocation.None ? d.Message : $"{d.Location}: {d.Message}", d.Location == SourceLocation.None ? null : d.Location.ToString(), d.Hint);
        }
        catch (SimulationException ex)
        {
            return Fail(Status.SimulationError, "simulation", "simulation failed: " + ex.Message, null, ex.Hint);
        }
        catch (AcceleratorException ex)
        {
            return Fail(Status.SimulationError, "accelerator", "accelerator failed: " + ex.Message, null, null);
        }
        catch (OperationCanceledException)
        {
            return Fail(Status.Internal, "interrupted", "interrupted", null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(Status.InputError, "file", "file error: " + ex.Message, null, "check free space and permissions of the input and output paths");
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Fail(Status.InputError, "input", "malformed JSON request: " + ex.Message, null, null);
        }
#pragma warning disable CA1031 // nothing may cross the native boundary: every other exception becomes an internal error
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(Status.Internal, "internal", $"internal error ({ex.GetType().Name}): {ex.Message}", null, "this is a bug in Neuromorph; please report it with the call and input files");
        }
    }

    private static int Fail(int status, string kind, string message, string? location, string? hint)
    {
        try
        {
            t_lastError = new JsonObject
            {
                ["kind"] = kind,
                ["message"] = message.ReplaceLineEndings(" "),
                ["location"] = location,
                ["hint"] = hint?.ReplaceLineEndings(" "),
            }.ToJsonString();
        }
#pragma warning disable CA1031 // the error report itself must not throw across the boundary
        catch (Exception)
#pragma warning restore CA1031
        {
            t_lastError = null;
        }

        return status;
    }

    private static void WriteString(string text, byte** response, int* responseLength)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var p = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.AsSpan().CopyTo(new Span<byte>(p, bytes.Length));
        p[bytes.Length] = 0;
        *response = p;
        *responseLength = bytes.Length;
    }
}

/// <summary>Status codes of <see cref="Exports"/>: Python maps them to its exception classes.</summary>
public static class Status
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The input was wrong (<see cref="UserInputException"/>): Python raises InputError.</summary>
    public const int InputError = 1;

    /// <summary>A numerical failure (<see cref="SimulationException"/>): Python raises SimulationError.</summary>
    public const int SimulationError = 2;

    /// <summary>Anything else: Python raises NeuromorphError.</summary>
    public const int Internal = 3;
}

/// <summary>Objects handed to Python by number: arrays to copy out and crossbar tiles.</summary>
internal static class Handles
{
    private static readonly Dictionary<long, object> Items = [];
    private static readonly Lock Gate = new();
    private static long s_next;

    public static long Add(object item)
    {
        lock (Gate)
        {
            var h = ++s_next;
            Items[h] = item;
            return h;
        }
    }

    public static T Get<T>(long handle)
        where T : class
    {
        lock (Gate)
        {
            return Items.TryGetValue(handle, out var o) && o is T t ? t : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"no {typeof(T).Name} with handle {handle} (released?)"));
        }
    }

    public static void Release(long handle)
    {
        lock (Gate)
        {
            Items.Remove(handle);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Count()
    {
        lock (Gate)
        {
            return Items.Count;
        }
    }
}
