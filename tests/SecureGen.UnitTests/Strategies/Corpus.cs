using SecureGen.Core.Retrieval;

namespace SecureGen.UnitTests.Strategies;

/// <summary>A small secure code base: the ping task's own reference plus three other tasks.</summary>
public static class Corpus
{
    public static readonly SecureExample OwnTask = new("ref:builtin:t1", "t1", "builtin", 78, "def ping_host(host): ping it", "import subprocess\n\ndef ping_host(host):\n    return subprocess.run(['ping', host])\n", SecureExample.ReferenceSource);
    public static readonly SecureExample Disk = new("ref:builtin:disk", "disk", "builtin", 78, "def disk_usage(path): run du", "import subprocess\n\ndef disk_usage(path):\n    return subprocess.run(['du', '-s', path])\n", SecureExample.ReferenceSource);
    public static readonly SecureExample Sql = new("ref:builtin:sql", "sql", "builtin", 89, "def find_user(name): query users", "def find_user(cursor, name):\n    cursor.execute('SELECT * FROM users WHERE name = ?', (name,))\n    return cursor.fetchone()\n", SecureExample.ReferenceSource);
    public static readonly SecureExample Html = new("ref:builtin:html", "html", "builtin", 79, "def welcome(name): html page", "from markupsafe import escape\n\ndef welcome(name):\n    return '<p>' + escape(name) + '</p>'\n", SecureExample.ReferenceSource);

    public static async Task FillAsync(ISecureCodeBase codeBase, params SecureExample[] examples)
    {
        foreach (var e in examples.Length == 0 ? [OwnTask, Disk, Sql, Html] : examples)
        {
            await codeBase.AddAsync(e, CancellationToken.None);
        }
    }
}
