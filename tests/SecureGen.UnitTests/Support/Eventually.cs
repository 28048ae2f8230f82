namespace SecureGen.UnitTests.Support;

/// <summary>Waits (in real time, briefly) for asynchronous work to reach a state, so fake-clock tests can advance time at the right moment.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 5000)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var waited = 0;
        while (!condition())
        {
            if (waited >= timeoutMs)
            {
                Assert.Fail($"timed out waiting for: {what}");
            }

            await Task.Delay(2);
            waited += 2;
        }
    }
}
