using System.Net;
using System.Net.Sockets;

namespace SecureGen.Silo.Hosting;

/// <summary>A loopback port free right now, for silos started with port 0 (several on one machine).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
